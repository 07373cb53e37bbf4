import Foundation
import PixelArt
import TestSupport
import Testing

@testable import BevyAssets

@Suite("Deploying sprite sheets and the bevy_asset_loader collection")
struct BevyDeployerSheetTests {
    let deployer = BevyDeployer(now: { Date(timeIntervalSince1970: 1_800_000_000) })

    private func slimeOptions(collection: Bool = false) -> DeployOptions {
        DeployOptions(
            sheet: SheetOptions(
                name: "blue-slime",
                category: "creature",
                columns: 4,
                fps: 8,
                clips: [.init(name: "idle", first: 0, last: 3)],
                assetCollection: collection
            )
        )
    }

    @Test(
        "Writes meta, .sheet.ron, .sheet.json, then the PNG that completes the sprite, and records the sheet in the manifest"
    )
    func deploysSheet() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        let frames = try (1...4).map { try frame("blue-slime-\($0)", shade: UInt8($0 * 30)) }
        let report = try deployer.deploy(frames, into: project, options: slimeOptions())
        let base = project.assetsDirectory.appendingPathComponent("sprites/creature").path
        #expect(
            report.files.map { ($0.path, $0.kind) }.map { "\($0.1.rawValue) \($0.0)" } == [
                "meta \(base)/blue-slime.png.meta", "sheet \(base)/blue-slime.sheet.ron",
                "sheet \(base)/blue-slime.sheet.json", "png \(base)/blue-slime.png",
                "manifest \(project.assetsDirectory.path)/sprites/manifest.json",
            ]
        )
        #expect(report.sprites.map(\.assetPath) == ["sprites/creature/blue-slime.png"])
        #expect(report.sheet?.columns == 4 && report.sheet?.rows == 1 && report.sheet?.frames == 4)
        let image = try PNGCodec.decode(try Data(contentsOf: URL(fileURLWithPath: "\(base)/blue-slime.png")))
        #expect(image.width == 32 && image.height == 8)
        let ron = try String(contentsOfFile: "\(base)/blue-slime.sheet.ron", encoding: .utf8)
        #expect(ron == report.sheet?.ron())
        let entry = try #require(
            try ManifestStore.read(at: BevyDeployer.manifestURL(in: project)).sprites["creature/blue-slime"]
        )
        #expect(entry.frames == 4 && entry.width == 32)
        #expect(entry.sheet?.ron == "sprites/creature/blue-slime.sheet.ron" && entry.sheet?.clips == ["idle"])
        #expect(
            report.reloadablePaths == [
                "sprites/creature/blue-slime.png", "sprites/creature/blue-slime.sheet.ron",
                "sprites/creature/blue-slime.sheet.json",
            ]
        )

        let again = try deployer.deploy(frames, into: project, options: slimeOptions())
        #expect(again.files.dropLast().allSatisfy { $0.action == .unchanged })
    }

    @Test("Keeps sprites.assets.ron merged, sorted, and the other entries as they were")
    func assetCollection() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        try folder.write(
            """
            ({
                "music": File(path: "audio/theme.ogg"),
                "creature/blue-slime": Image(path: "old.png", sampler: Linear),
            })
            """,
            to: "game/assets/sprites/sprites.assets.ron"
        )
        let frames = try (1...4).map { try frame("f\($0)", shade: UInt8($0)) }
        let report = try deployer.deploy(frames, into: project, options: slimeOptions(collection: true))
        #expect(report.files.last?.kind == .collection && report.files.last?.action == .replaced)
        let text = try String(
            contentsOf: project.assetsDirectory.appendingPathComponent("sprites/sprites.assets.ron"),
            encoding: .utf8
        )
        #expect(
            text.hasSuffix(
                """
                ({
                    "creature/blue-slime": Image(path: "sprites/creature/blue-slime.png", sampler: Nearest),
                    "creature/blue-slime_layout": TextureAtlasLayout(tile_size_x: 8, tile_size_y: 8, columns: 4, rows: 1),
                    "music": File(path: "audio/theme.ogg"),
                })

                """
            )
        )
        _ = try RONReader.parse(text)

        try folder.write("({ broken", to: "game/assets/sprites/sprites.assets.ron")
        let before = folder.listing()
        let changed = try (1...4).map { try frame("f\($0)", shade: UInt8(100 + $0)) }
        #expect {
            try deployer.deploy(changed, into: project, options: slimeOptions(collection: true))
        } throws: { error in
            guard case .collectionCorrupt = error as? BevyAssetsError else { return false }
            return true
        }
        #expect(folder.listing() == before)
        #expect {
            try deployer.deploy(frames, into: project, options: slimeOptions(collection: true))
        } throws: { error in
            guard case .collectionCorrupt = error as? BevyAssetsError else { return false }
            return true
        }
    }

    @Test("A sprite that is already an animation sheet deploys with its own descriptors and clips, and is never packed")
    func deploysAnimationSheet() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        var knight = try frame("knight", shade: 90, width: 64, height: 32)
        knight.category = "character"
        knight.sheet = SheetLayout(
            tileSizeX: 16,
            tileSizeY: 16,
            columns: 4,
            rows: 2,
            frames: 8,
            fps: 8,
            clips: [
                .init(name: "walk_down", first: 0, last: 3, fps: 8, loops: true),
                .init(name: "death_up", first: 4, last: 7, fps: 6, loops: false),
            ]
        )
        let report = try deployer.deploy([knight], into: project)
        let base = project.assetsDirectory.appendingPathComponent("sprites/character").path
        #expect(report.sheet?.image == "sprites/character/knight.png" && report.sheet?.columns == 4)
        let ron = try String(contentsOfFile: "\(base)/knight.sheet.ron", encoding: .utf8)
        #expect(ron.contains(#"(name: "walk_down", first: 0, last: 3, fps: 8.0, loops: true)"#))
        #expect(ron.contains(#"(name: "death_up", first: 4, last: 7, fps: 6.0, loops: false)"#))
        _ = try RONReader.parse(ron)
        let json = try JSONDecoder().decode(
            SheetLayout.self,
            from: Data(contentsOf: URL(fileURLWithPath: "\(base)/knight.sheet.json"))
        )
        #expect(json.clips.map(\.loops) == [true, false] && json.tileSizeX == 16 && json.rows == 2)
        let entry = try #require(
            try ManifestStore.read(at: BevyDeployer.manifestURL(in: project)).sprites["character/knight"]
        )
        #expect(entry.frames == 8 && entry.sheet?.clips == ["walk_down", "death_up"])

        #expect {
            try deployer.deploy([knight, try frame("slime", shade: 4)], into: project, options: slimeOptions())
        } throws: { error in
            guard case .invalidSheet(let reason) = error as? BevyAssetsError else { return false }
            return reason.contains("'knight' is already an animation sheet")
        }
    }
}
