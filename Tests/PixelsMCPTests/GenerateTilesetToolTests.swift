import Foundation
import MCP
import PixelArt
import SpriteEngine
import Testing

@testable import PixelsMCP

@Suite("generate_tileset over MCP")
struct GenerateTilesetToolTests {
    /// Calls `generate_tileset` and returns the structured result, the decoded PNG and the descriptor.
    func tileset(
        _ harness: MCPHarness,
        _ arguments: [String: Value]
    ) async throws -> (result: [String: Value], image: RGBAImage, descriptor: [String: Value]) {
        let result = try await harness.call("generate_tileset", arguments)
        #expect(result.isError != true, "\(result.text)")
        let structured = try #require(result.structuredContent?.objectValue)
        let sprite = try #require(structured["sprite"]?.objectValue)
        let descriptor = try #require(structured["tileset"]?.objectValue)
        #expect(sprite["tileset"] == structured["tileset"], "the sprite record carries the same descriptor")
        let png = try Data(contentsOf: URL(fileURLWithPath: try #require(sprite["path"]?.stringValue)))
        return (structured, try PNGCodec.decode(png), descriptor)
    }

    @Test("grass/water wang16: 16 tiles by corner bits, the border rule over every side, every compatible pair")
    func wang16() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let (result, image, descriptor) = try await tileset(
            harness,
            ["terrain": "grass", "edge": "water", "seed": 11, "return_image": true]
        )
        let sprite = try #require(result["sprite"]?.objectValue)
        #expect(sprite["engine"]?.stringValue == "procedural")
        #expect(sprite["name"]?.stringValue == "grass_water")
        #expect(descriptor["layout"]?.stringValue == "wang16")
        #expect(descriptor["tile_size"]?.intValue == 16)
        #expect(descriptor["columns"]?.intValue == 4 && descriptor["rows"]?.intValue == 4)
        #expect(image.width == 64 && image.height == 64)
        let tiles = try #require(descriptor["tiles"]?.arrayValue)
        #expect(tiles.count == 16)
        for (index, tile) in tiles.enumerated() {
            let corners = tile.objectValue?["corners"]?.arrayValue?.compactMap { $0.intValue }
            #expect(corners == [index & 1, index >> 1 & 1, index >> 2 & 1, index >> 3 & 1], "tile \(index)")
            #expect(tile.objectValue?.keys.sorted() == ["corners", "index"])
        }
        let check = try TilesetCheck(image: image, descriptor: descriptor)
        let groups = check.checkBorderRule()
        #expect(groups.values.allSatisfy { $0 == 4 }, "each side has the four corner pairs: \(groups)")
        #expect(check.checkPairsInterchangeable() == 64)
        // Water and grass look different: the all-terrain and all-edge tiles share few pixels.
        let same = (0..<16).flatMap { y in (0..<16).map { x in (x, y) } }.filter {
            check.pixel(0, $0.0, $0.1) == check.pixel(15, $0.0, $0.1)
        }
        #expect(same.count < 16)
        let preview = try await harness.call("generate_tileset", ["terrain": "grass", "edge": "water", "seed": 11])
        #expect(preview.content.contains { if case .image = $0 { true } else { false } })
        #expect(preview.structuredContent?.objectValue?["sprite"]?.objectValue?["cached"]?.boolValue == true)
    }

    @Test("grass over transparency: every compatible pair's shore continues across the seam")
    func seamsOverTransparency() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        for (seed, size) in [(3, 16), (4, 24)] {
            let (result, image, descriptor) = try await tileset(
                harness,
                ["terrain": "grass", "seed": .int(seed), "tile_size": .int(size)]
            )
            #expect(result["sprite"]?.objectValue?["name"]?.stringValue == "grass")
            let check = try TilesetCheck(image: image, descriptor: descriptor)
            #expect(check.checkBorderRule().values.allSatisfy { $0 == 4 })
            // Tile 15 (every corner edge) is all transparent; tile 0 all terrain.
            #expect((0..<size).allSatisfy { y in (0..<size).allSatisfy { check.pixel(15, $0, y).a == 0 } })
            #expect((0..<size).allSatisfy { y in (0..<size).allSatisfy { check.pixel(0, $0, y).a == 255 } })
            let (pairs, shore) = check.checkTransparentSeams(terrainTile: 0)
            #expect(pairs == 128)
            #expect(shore > 0, "the check saw shore pixels on seams")
        }
    }

    @Test("blob47: 48 tiles in 8 columns, neighbour masks that match corners and edges, the border rule")
    func blob47() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let (_, image, descriptor) = try await tileset(
            harness,
            ["terrain": "sand", "edge": "lava", "layout": "blob47", "tile_size": 8, "seed": 5, "name": "sand-lava"]
        )
        #expect(descriptor["columns"]?.intValue == 8 && descriptor["rows"]?.intValue == 6)
        #expect(image.width == 64 && image.height == 48)
        let tiles = descriptor["tiles"]?.arrayValue?.compactMap { $0.objectValue } ?? []
        #expect(tiles.count == 48)
        var masks: Set<Int> = []
        for tile in tiles.dropLast() {
            let mask = try #require(tile["neighbours"]?.intValue)
            masks.insert(mask)
            func node(_ bit: Int) -> Int { mask & bit != 0 ? 0 : 1 }
            #expect(tile["corners"]?.arrayValue?.compactMap { $0.intValue } == [node(128), node(2), node(8), node(32)])
            #expect(tile["edges"]?.arrayValue?.compactMap { $0.intValue } == [node(1), node(4), node(16), node(64)])
        }
        #expect(masks.count == 47)
        #expect(tiles.last?["neighbours"] == nil && tiles.last?["corners"]?.arrayValue?.count == 4)
        let check = try TilesetCheck(image: image, descriptor: descriptor)
        #expect(check.checkBorderRule().values.allSatisfy { $0 > 4 })
    }

    @Test("The same arguments and seed give identical bytes, also when painted again (force)")
    func deterministic() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let arguments: [String: Value] = ["terrain": "snow", "edge": "rock", "seed": 42, "tile_size": 12]
        let first = try await tileset(harness, arguments)
        var again = arguments
        again["force"] = true
        again["name"] = "again"
        let second = try await tileset(harness, again)
        let hash = { (result: [String: Value]) in result["sprite"]?.objectValue?["content_hash"]?.stringValue }
        #expect(hash(first.result) != nil && hash(first.result) == hash(second.result))
        #expect(second.result["sprite"]?.objectValue?["cached"]?.boolValue != true)
        #expect(first.image == second.image)
        var other = arguments
        other["seed"] = 43
        let third = try await tileset(harness, other)
        #expect(hash(third.result) != hash(first.result))
    }

    @Test("deploy_to writes the PNG and both descriptors under assets/tilesets/, and the job folder holds the JSON")
    func deploys() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let project = try harness.makeBevyProject()
        let (result, _, descriptor) = try await tileset(
            harness,
            ["terrain": "grass", "edge": "water", "seed": 2, "deploy_to": .string(project.path)]
        )
        let deployment = try #require(result["deployment"]?.objectValue)
        let assets = project.appendingPathComponent("assets/tilesets")
        #expect(
            deployment["sprites"]?.arrayValue?.first?.objectValue?["asset_path"]?.stringValue
                == "tilesets/grass_water.png"
        )
        for file in ["grass_water.png", "grass_water.png.meta", "grass_water.tileset.ron", "grass_water.tileset.json"] {
            #expect(FileManager.default.fileExists(atPath: assets.appendingPathComponent(file).path), "\(file)")
        }
        let json = try Data(contentsOf: assets.appendingPathComponent("grass_water.tileset.json"))
        let deployed = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(deployed["image"] as? String == "tilesets/grass_water.png")
        #expect((deployed["tiles"] as? [Any])?.count == descriptor["tiles"]?.arrayValue?.count)
        let path = try #require(result["sprite"]?.objectValue?["path"]?.stringValue)
        #expect(FileManager.default.fileExists(atPath: String(path.dropLast(4)) + ".tileset.json"))

        // deploy_to_bevy given the job deploys it the same way, under a new name.
        let job = try #require(result["job_id"]?.stringValue)
        let again = try await harness.call(
            "deploy_to_bevy",
            ["project": .string(project.path), "sprites": [.string(job)], "name": "shore"]
        )
        #expect(again.isError != true, "\(again.text)")
        #expect(FileManager.default.fileExists(atPath: assets.appendingPathComponent("shore.tileset.ron").path))
        let packed = try await harness.call(
            "deploy_to_bevy",
            ["project": .string(project.path), "sprites": [.string(job)], "name": "x", "sheet": ["columns": 1]]
        )
        #expect(packed.isError == true && packed.text.contains("sheet"), "\(packed.text)")
    }

    @Test(
        "Bad arguments are tool errors naming the field and what it accepts",
        arguments: [
            (["edge": "water"], "terrain"),
            (["terrain": "grass", "tile_size": 65], "tile_size"),
            (["terrain": "grass", "tile_size": 7], "tile_size"),
            (["terrain": "grass", "layout": "hex"], "layout"),
            (["terrain": "grass", "edge": ""], "edge"),
            (["terrain": "grass", "style": "nope"], "style"),
            (["terrain": "grass", "palette": "nope"], "palette"),
            (["terrain": "grass", "name": "Bad Name"], "name"),
            (["terrain": "grass", "size": 16], "size"),
        ] as [([String: Value], String)]
    )
    func refusals(arguments: [String: Value], field: String) async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let result = try await harness.call("generate_tileset", arguments)
        #expect(result.isError == true)
        #expect(result.text.contains("'\(field)'"), "\(result.text)")
    }
}
