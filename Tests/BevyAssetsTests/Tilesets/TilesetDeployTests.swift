import Foundation
import PixelArt
import TestSupport
import Testing

@testable import BevyAssets

@Suite("Deploying tilesets into assets/tilesets/")
struct TilesetDeployTests {
    let deployer = BevyDeployer(now: { Date(timeIntervalSince1970: 1_800_000_000) })

    /// A 2 x 1 grid of 8 px tiles with a two-tile descriptor.
    private func tileset(name: String = "grass_water") throws -> SpriteAsset {
        var image = RGBAImage(width: 16, height: 8, fill: RGBA(40, 160, 60))
        for y in 0..<8 { for x in 8..<16 { image[x, y] = RGBA(30, 80, 200) } }
        let file = TilesetDescriptorFile(
            layout: "wang16",
            tileSize: 8,
            columns: 2,
            rows: 1,
            tiles: [.init(index: 0, corners: [0, 0, 0, 0]), .init(index: 1, corners: [1, 1, 1, 1])]
        )
        return SpriteAsset(
            name: name,
            category: "tilesets",
            png: try PNGCodec.encode(image),
            width: 16,
            height: 8,
            prompt: "grass",
            seed: 3,
            engine: "procedural",
            tileset: file
        )
    }

    @Test("Writes meta, .tileset.ron and .tileset.json, then the PNG, and lists the tileset in the manifest")
    func deploysTileset() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        let report = try deployer.deploy([try tileset()], into: project)
        let base = project.assetsDirectory.appendingPathComponent("tilesets").path
        #expect(
            report.files.map { "\($0.kind.rawValue) \($0.path)" } == [
                "meta \(base)/grass_water.png.meta", "tileset \(base)/grass_water.tileset.ron",
                "tileset \(base)/grass_water.tileset.json", "png \(base)/grass_water.png",
                "manifest \(project.assetsDirectory.path)/sprites/manifest.json",
            ]
        )
        #expect(report.sprites.map(\.assetPath) == ["tilesets/grass_water.png"])
        for file in report.files { #expect(FileManager.default.fileExists(atPath: file.path), "\(file.path)") }

        let json = try Data(contentsOf: URL(fileURLWithPath: "\(base)/grass_water.tileset.json"))
        let decoded = try JSONDecoder().decode(TilesetDescriptorFile.self, from: json)
        #expect(decoded.image == "tilesets/grass_water.png")
        #expect(decoded.tiles.map(\.corners) == [[0, 0, 0, 0], [1, 1, 1, 1]])
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(Set(object.keys) == ["image", "layout", "tile_size", "columns", "rows", "tiles"])

        let ron = try String(contentsOfFile: "\(base)/grass_water.tileset.ron", encoding: .utf8)
        let parsed = try RONReader.parse(ron)
        guard case .structure(_, let fields) = parsed else {
            Issue.record("the .tileset.ron is a structure: \(ron)")
            return
        }
        #expect(fields.map(\.name) == ["image", "layout", "tile_size", "columns", "rows", "tiles"])
        #expect(ron.contains("(index: 1, corners: [1, 1, 1, 1]),"))

        let manifest = try ManifestStore.read(at: BevyDeployer.manifestURL(in: project))
        let entry = try #require(manifest.sprites["tilesets/grass_water"])
        #expect(entry.assetPath == "tilesets/grass_water.png")
        #expect(entry.tileset?.json == "tilesets/grass_water.tileset.json")
        #expect(entry.tileset?.tiles == 2 && entry.tileset?.tileSize == 8)
    }

    @Test("Deploying the same tileset again changes nothing; a dry run writes nothing")
    func repeatAndDryRun() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        let dry = try deployer.deploy([try tileset()], into: project, options: DeployOptions(dryRun: true))
        #expect(dry.files.filter { $0.kind == .tileset }.count == 2)
        #expect(
            !FileManager.default.fileExists(atPath: project.assetsDirectory.appendingPathComponent("tilesets").path)
        )
        _ = try deployer.deploy([try tileset()], into: project)
        let again = try deployer.deploy([try tileset()], into: project)
        #expect(again.files.filter { $0.kind != .manifest }.allSatisfy { $0.action == .unchanged }, "\(again.files)")
    }

    @Test("A descriptor that does not match the PNG's grid is refused before anything is written")
    func mismatchedGrid() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        var asset = try tileset()
        asset.tileset?.columns = 3
        #expect(throws: BevyAssetsError.self) { try deployer.deploy([asset], into: project) }
        #expect(
            !FileManager.default.fileExists(atPath: project.assetsDirectory.appendingPathComponent("tilesets").path)
        )
    }
}
