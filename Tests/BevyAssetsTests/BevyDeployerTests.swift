import Foundation
import TestSupport
import Testing

@testable import BevyAssets

@Suite("Deploying sprites into a Bevy project")
struct BevyDeployerTests {
    let deployer = BevyDeployer(now: { Date(timeIntervalSince1970: 1_800_000_000) })

    private func project(_ folder: TemporaryDirectory, version: String = "0.15") throws -> BevyProject {
        try BevyProject.detect(at: folder.makeBevyProject(requirement: version).path)
    }

    @Test("Writes the .meta before the .png, then the manifest, and reports the load path")
    func firstDeploy() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try project(folder)
        let assets = project.assetsDirectory

        let report = try deployer.deploy([sprite("knight")], into: project, options: DeployOptions())
        let png = assets.appendingPathComponent("sprites/characters/knight.png").path
        let manifest = assets.appendingPathComponent("sprites/manifest.json").path
        #expect(report.files.map(\.path) == [png + ".meta", png, manifest])
        #expect(report.files.map(\.kind) == [.meta, .png, .manifest])
        #expect(report.files.allSatisfy { $0.action == .created })
        let deployed = try #require(report.sprites.first)
        #expect(deployed.assetPath == "sprites/characters/knight.png")
        #expect(deployed.pngPath == png && deployed.metaPath == png + ".meta")
        #expect(deployed.action == .created)
        #expect(report.loader == "bevy_image::image_loader::ImageLoader")
        #expect(report.bevyVersion == "0.15.0" && report.versionSource == .cargoToml)

        #expect(FileManager.default.contents(atPath: png) == pngBytes(1))
        let meta = try String(contentsOfFile: png + ".meta", encoding: .utf8)
        #expect(meta == MetaFile.imageMeta(for: BevyVersion(major: 0, minor: 15)))
        let entry = try #require(
            try ManifestStore.read(at: URL(fileURLWithPath: manifest)).sprites["characters/knight"]
        )
        #expect(entry.assetPath == "sprites/characters/knight.png" && entry.width == 16 && entry.frames == 1)
        #expect(entry.contentHash == deployed.contentHash && entry.contentHash.hasPrefix("sha256:"))
        #expect(entry.deployedAt == "2027-01-15T08:00:00Z")
        #expect(entry.prompt == "a knight" && entry.seed == 42 && entry.engine == "procedural")
    }

    @Test("Uses the pre-0.15 loader for a Bevy 0.14 project, and the override when given")
    func loaderByVersion() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try project(folder, version: "0.14")
        let meta = project.assetsDirectory.appendingPathComponent("sprites/characters/knight.png.meta")

        #expect(try deployer.deploy([sprite("knight")], into: project).loader == MetaFile.legacyImageLoader)
        #expect(try String(contentsOf: meta, encoding: .utf8).contains(MetaFile.legacyImageLoader))
        let report = try deployer.deploy(
            [sprite("knight")],
            into: project,
            options: DeployOptions(bevyVersionOverride: "0.16")
        )
        #expect(report.loader == MetaFile.imageLoader && report.versionSource == .override)
        #expect(report.files.first?.action == .replaced)
    }

    @Test("Redeploying identical sprites touches nothing")
    func unchanged() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try project(folder)
        _ = try deployer.deploy([sprite("knight")], into: project)
        let png = project.assetsDirectory.appendingPathComponent("sprites/characters/knight.png").path
        let before = try FileManager.default.attributesOfItem(atPath: png)

        let later = BevyDeployer(now: { Date(timeIntervalSince1970: 1_900_000_000) })
        let report = try later.deploy([sprite("knight")], into: project)
        #expect(report.files.map(\.action) == [.unchanged, .unchanged, .unchanged])
        #expect(report.sprites.map(\.action) == [.unchanged])
        let after = try FileManager.default.attributesOfItem(atPath: png)
        #expect(before[.systemFileNumber] as? Int == after[.systemFileNumber] as? Int)
        #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
    }

    @Test("On conflict: overwrite replaces, skip leaves the file, rename writes name-2 then name-3")
    func conflicts() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try project(folder)
        let directory = project.assetsDirectory.appendingPathComponent("sprites/characters")
        _ = try deployer.deploy([sprite("knight", seed: 1)], into: project)

        let skipped = try deployer.deploy(
            [sprite("knight", seed: 2)],
            into: project,
            options: DeployOptions(onConflict: .skip)
        )
        #expect(skipped.sprites.map(\.action) == [.skipped])
        #expect(
            FileManager.default.contents(atPath: directory.appendingPathComponent("knight.png").path) == pngBytes(1)
        )

        let renamed = try deployer.deploy(
            [sprite("knight", seed: 2)],
            into: project,
            options: DeployOptions(onConflict: .rename)
        )
        #expect(renamed.sprites.map(\.name) == ["knight-2"] && renamed.sprites.map(\.action) == [.renamed])
        #expect(renamed.sprites.first?.assetPath == "sprites/characters/knight-2.png")
        let third = try deployer.deploy(
            [sprite("knight", seed: 3)],
            into: project,
            options: DeployOptions(onConflict: .rename)
        )
        #expect(third.sprites.map(\.name) == ["knight-3"])
        #expect(
            FileManager.default.contents(atPath: directory.appendingPathComponent("knight-2.png").path) == pngBytes(2)
        )

        let replaced = try deployer.deploy(
            [sprite("knight", seed: 4)],
            into: project,
            options: DeployOptions(onConflict: .overwrite)
        )
        #expect(replaced.sprites.map(\.action) == [.replaced])
        #expect(
            FileManager.default.contents(atPath: directory.appendingPathComponent("knight.png").path) == pngBytes(4)
        )
        let keys = try ManifestStore.read(at: BevyDeployer.manifestURL(in: project)).sprites.keys.sorted()
        #expect(keys == ["characters/knight", "characters/knight-2", "characters/knight-3"])
    }

    @Test(
        "A dry run reports the same operations and writes nothing",
        arguments: [DeployOptions.ConflictPolicy.overwrite, .skip, .rename]
    )
    func dryRun(policy: DeployOptions.ConflictPolicy) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try project(folder)
        _ = try deployer.deploy([sprite("knight", seed: 1)], into: project)
        let batch = [
            sprite("knight", seed: 1), sprite("knight", category: "heroes", seed: 2),
            sprite("barrel", category: "props"),
        ]
        let changed = [sprite("knight", seed: 9)] + batch.dropFirst()
        let before = folder.listing()

        let preview = try deployer.deploy(
            changed,
            into: project,
            options: DeployOptions(dryRun: true, onConflict: policy)
        )
        #expect(folder.listing() == before)
        #expect(preview.dryRun)
        let real = try deployer.deploy(changed, into: project, options: DeployOptions(onConflict: policy))
        #expect(preview.files == real.files)
        #expect(preview.sprites == real.sprites)
        #expect(preview.backupPath == real.backupPath)
    }

    @Test("A dry run into a fresh project creates no folder, lock or manifest")
    func dryRunFresh() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let root = try folder.makeBevyProject(withAssets: false)
        let project = try BevyProject.detect(at: root.path, createAssetsDirectory: false)
        let before = folder.listing()
        let report = try deployer.deploy([sprite("knight")], into: project, options: DeployOptions(dryRun: true))
        #expect(folder.listing() == before)
        #expect(report.files.map(\.action) == [.created, .created, .created])
    }

    @Test("Without metas, only the PNG and the manifest are written")
    func withoutMeta() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let report = try deployer.deploy(
            [sprite("knight")],
            into: try project(folder),
            options: DeployOptions(writeMeta: false)
        )
        #expect(report.files.map(\.kind) == [.png, .manifest])
        #expect(report.sprites.first?.metaPath == nil)
    }

    @Test("Two deploys keep each other's manifest entries")
    func manifestMerge() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try project(folder)
        _ = try deployer.deploy([sprite("knight")], into: project)
        _ = try deployer.deploy([sprite("barrel", category: "props")], into: project)
        let keys = try ManifestStore.read(at: BevyDeployer.manifestURL(in: project)).sprites.keys.sorted()
        #expect(keys == ["characters/knight", "props/barrel"])
    }

    @Test("Reports in snake_case with null for an unknown version")
    func reportJSON() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("[dependencies]\nbevy = { git = \"https://github.com/bevyengine/bevy\" }\n", to: "Cargo.toml")
        let report = try deployer.deploy(
            [sprite("knight")],
            into: try BevyProject.detect(at: folder.url.path),
            options: DeployOptions(writeMeta: false)
        )
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        )
        #expect(object["bevy_version"] is NSNull)
        #expect(object["version_source"] as? String == "unknown")
        #expect(
            Set(object.keys) == [
                "project", "bevy_version", "version_source", "loader", "dry_run", "sprites", "files", "manifest_path",
                "notes", "sheet", "backup_path", "warnings",
            ]
        )
        let first = try #require((object["sprites"] as? [[String: Any]])?.first)
        #expect(
            Set(first.keys) == ["name", "category", "asset_path", "png_path", "meta_path", "action", "content_hash"]
        )
    }
}
