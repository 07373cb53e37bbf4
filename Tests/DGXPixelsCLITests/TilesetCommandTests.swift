import Foundation
import Testing

@Suite("dgx-pixels tileset")
struct TilesetCommandTests {
    @Test("Prints the PNG's path and its descriptor's; --deploy-to writes assets/tilesets/ with both descriptors")
    func tileset() async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let project = binary.home.appendingPathComponent("game")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try Data("[package]\nname = \"game\"\nversion = \"0.1.0\"\n\n[dependencies]\nbevy = \"0.15\"\n".utf8)
            .write(to: project.appendingPathComponent("Cargo.toml"))
        let result = try await binary.run(
            [
                "tileset", "grass", "--edge", "water", "--layout", "blob47", "--tile-size", "8", "--seed", "4",
                "--deploy-to", project.path,
            ]
        )
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let png = try #require(lines.first?.split(separator: " ").first.map(String.init))
        #expect(png.hasSuffix("/grass_water.png") && FileManager.default.fileExists(atPath: png), "\(result.stdout)")
        #expect(lines.first?.contains("blob47  48 tiles of 8 px") == true, "\(result.stdout)")
        let descriptor = try #require(lines.first { $0.hasPrefix("descriptor: ") }?.dropFirst("descriptor: ".count))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: String(descriptor))))
                as? [String: Any]
        )
        #expect(json["layout"] as? String == "blob47" && (json["tiles"] as? [Any])?.count == 48)
        for file in ["grass_water.png", "grass_water.tileset.ron", "grass_water.tileset.json"] {
            let path = project.appendingPathComponent("assets/tilesets/\(file)").path
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(result.stdout.contains(path), "\(result.stdout)")
        }
    }

    @Test(
        "Bad flags are a message naming the field and a non-zero exit",
        arguments: [
            (["tileset", "grass", "--tile-size", "100"], "'tile_size'"),
            (["tileset", "grass", "--layout", "hex"], "'layout'"),
            (["tileset", "grass", "--tile-size", "big"], "tile-size"),
            (["tileset"], "terrain"),
        ]
    )
    func badFlags(arguments: [String], expected: String) async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let result = try await binary.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
