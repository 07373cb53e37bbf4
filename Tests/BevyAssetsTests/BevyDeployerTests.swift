import Foundation
import Testing

@testable import BevyAssets

@Suite("Deploying sprites into a Bevy project")
struct BevyDeployerTests {
    let deployer = BevyDeployer(now: { Date(timeIntervalSince1970: 1_800_000_000) })

    private func project(_ folder: TemporaryFolder, version: String = "0.15") throws -> BevyProject {
        try BevyProject.detect(at: folder.makeBevyProject(requirement: version).path)
    }

    @Test("Writes the .meta before the .png, then the manifest, and reports the load path")
    func firstDeploy() throws {
        let folder = try TemporaryFolder()
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
        let folder = try TemporaryFolder()
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
        let folder = try TemporaryFolder()
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
        let folder = try TemporaryFolder()
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
        let folder = try TemporaryFolder()
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
    }

    @Test("A bad name anywhere in the batch means nothing is written")
    func validatesFirst() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = try project(folder)
        let before = folder.listing()
        #expect(
            throws: BevyAssetsError.invalidName(
                field: "name",
                value: "../boss",
                reason: "has '.' at position 1, which is not allowed"
            )
        ) {
            try deployer.deploy([sprite("knight"), sprite("../boss")], into: project)
        }
        #expect(throws: BevyAssetsError.self) { try deployer.deploy([sprite("a", category: "Heroes")], into: project) }
        #expect(throws: BevyAssetsError.self) { try deployer.deploy([sprite("a"), sprite("a")], into: project) }
        #expect(folder.listing() == before)
    }

    @Test("Refuses a category folder symlinked outside assets/ and writes nothing outside")
    func symlinkedCategory() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = try project(folder)
        let outside = folder.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: project.assetsDirectory.appendingPathComponent("sprites"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createSymbolicLink(
            atPath: project.assetsDirectory.appendingPathComponent("sprites/characters").path,
            withDestinationPath: outside.path
        )
        #expect {
            try deployer.deploy([sprite("props-ok", category: "props"), sprite("knight")], into: project)
        } throws: { error in
            guard case .pathEscapesAssets(_, let resolved) = error as? BevyAssetsError else { return false }
            return resolved.hasPrefix(outside.path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(FileSystem.kind(of: project.assetsDirectory.appendingPathComponent("sprites/props").path) == .missing)
    }

    @Test("The next deploy removes a temp left by a crash, and says so")
    func removesCrashLeftovers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = try project(folder)
        let directory = project.assetsDirectory.appendingPathComponent("sprites/characters")
        let crashing = BevyDeployer { point in
            if point == .beforeRename { throw AssetWriterTests.InjectedFault() }
        }
        #expect(throws: BevyAssetsError.self) { try crashing.deploy([sprite("knight")], into: project) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)

        // A crash (unlike a thrown error) leaves its temp behind: simulate one from our own, finished, process.
        let leftover = directory.appendingPathComponent(".knight.png.tmp-\(getpid())-424242")
        try Data([1, 2, 3]).write(to: leftover)
        let report = try deployer.deploy([sprite("knight")], into: project)
        #expect(FileSystem.kind(of: leftover.path) == .missing)
        #expect(report.notes.contains { $0.contains(leftover.path) })
    }

    @Test("Without metas, only the PNG and the manifest are written")
    func withoutMeta() throws {
        let folder = try TemporaryFolder()
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
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = try project(folder)
        _ = try deployer.deploy([sprite("knight")], into: project)
        _ = try deployer.deploy([sprite("barrel", category: "props")], into: project)
        let keys = try ManifestStore.read(at: BevyDeployer.manifestURL(in: project)).sprites.keys.sorted()
        #expect(keys == ["characters/knight", "props/barrel"])
    }

    @Test("Two concurrent deployers of 20 sprites each lose no manifest entry")
    func concurrentDeploys() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = try project(folder)
        let failures = FailureLog()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in 0..<20 {
                do {
                    _ = try BevyDeployer().deploy([sprite("w\(worker)-\(index)", seed: UInt8(index))], into: project)
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        #expect(try ManifestStore.read(at: BevyDeployer.manifestURL(in: project)).sprites.count == 40)
    }

    @Test("Reports in snake_case with null for an unknown version")
    func reportJSON() throws {
        let folder = try TemporaryFolder()
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
                "notes",
            ]
        )
        let first = try #require((object["sprites"] as? [[String: Any]])?.first)
        #expect(
            Set(first.keys) == ["name", "category", "asset_path", "png_path", "meta_path", "action", "content_hash"]
        )
    }
}

/// Errors collected from worker threads.
final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func append(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
