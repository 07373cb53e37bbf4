import Foundation
import Testing

@Suite("dgx-pixels commands")
struct CommandLineTests {
    @Test("generate --json writes a sprite and prints its record")
    func generate() async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let result = try await binary.run(["generate", "gold coin", "--size", "16", "--seed", "3", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let job = try #require(object["job"] as? [String: Any])
        let item = try #require((job["items"] as? [[String: Any]])?.first?["sprite"] as? [String: Any])
        #expect(item["width"] as? Int == 16)
        #expect(FileManager.default.fileExists(atPath: try #require(item["path"] as? String)))
    }

    @Test("Bad input is a message on stderr naming the field, and a non-zero exit")
    func badInput() async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let result = try await binary.run(["generate", "knight", "--size", "10000"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'size'"))
        #expect(result.stdout.isEmpty)
    }

    @Test("validate exits 1 on a file that is not a PNG, 0 on a good one")
    func validate() async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let bad = binary.home.appendingPathComponent("bad.png")
        try Data("not a png".utf8).write(to: bad)
        let failing = try await binary.run(["validate", bad.path])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("not_png"))
        let made = try await binary.run(["generate", "gold coin", "--size", "16", "--json"])
        let path = try #require(
            made.stdout.range(of: "\"path\" : \"([^\"]+)\"", options: .regularExpression)
                .map { String(made.stdout[$0]).components(separatedBy: "\"")[3] }
        )
        let passing = try await binary.run(["validate", path])
        #expect(passing.status == 0)
    }

    @Test("A bad configuration file stops start-up with the key path and exit 1")
    func badConfiguration() async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let config = binary.home.appendingPathComponent("bad.yaml")
        try Data("limits:\n  max_batch: many\n".utf8).write(to: config)
        let result = try await binary.run(["serve", "--config", config.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("limits.max_batch"))
    }

    @Test("process writes a sprite and a contact sheet, and refuses bad options with a clear message")
    func process() async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let made = try await binary.run(["generate", "gold coin", "--size", "16", "--seed", "4", "--json"])
        let path = try #require(
            made.stdout.range(of: "\"path\" : \"([^\"]+)\"", options: .regularExpression)
                .map { String(made.stdout[$0]).components(separatedBy: "\"")[3] }
        )
        // A native 16 px sprite: auto detection must find no grid and keep its size.
        let output = binary.home.appendingPathComponent("out.png").path
        let sheet = binary.home.appendingPathComponent("sheet.png").path
        let result = try await binary.run([
            "process", path, "--style", "pico8", "--size", "auto", "--colors", "8", "--background", "keep",
            "-o", output, "--contact-sheet", sheet,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: output) && FileManager.default.fileExists(atPath: sheet))
        #expect(result.stdout.contains("16x16"))
        let zero = try await binary.run(["process", path, "--colors", "0", "--size", "8", "-o", output])
        #expect(zero.status == 1 && zero.stderr.contains("1 to 256"))
        let larger = try await binary.run(["process", path, "--size", "64", "-o", output])
        #expect(larger.status == 1 && larger.stderr.contains("larger than"))
        let paletteFile = binary.home.appendingPathComponent("bad.hex")
        try Data("ff0044\nnot-a-colour\n".utf8).write(to: paletteFile)
        let badPalette = try await binary.run(["process", path, "--palette", paletteFile.path, "-o", output])
        #expect(badPalette.status == 1 && badPalette.stderr.contains("line 2"))
    }
}
