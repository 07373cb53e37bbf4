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

    @Test("jobs list is empty at first, then lists a batch from a YAML spec; jobs show prints its sprites")
    func jobsAndSpec() async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let empty = try await binary.run(["jobs", "list"])
        #expect(empty.status == 0 && empty.stdout.contains("no jobs"), "\(empty.stderr)")
        let spec = binary.home.appendingPathComponent("sprites.yaml")
        try Data("style: pico8\nsize: 16\nitems:\n  - green slime\n  - prompt: red knight\n    name: knight\n".utf8)
            .write(to: spec)
        let batch = try await binary.run(["batch", spec.path])
        #expect(batch.status == 0, "\(batch.stderr)")
        let listed = try await binary.run(["jobs", "list"])
        let id = try #require(listed.stdout.split(separator: " ").first.map(String.init))
        #expect(listed.stdout.contains("batch  succeeded  2/2 made"), "\(listed.stdout)")
        let shown = try await binary.run(["jobs", "show", id])
        #expect(shown.status == 0 && shown.stdout.contains("/knight.png") && shown.stdout.contains("green-slime.png"))
        let unknown = try await binary.run(["jobs", "show", "20990101-000000-abcdef"])
        #expect(unknown.status != 0 && unknown.stderr.contains("20990101-000000-abcdef"))
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

@Suite("dgx-pixels deploy --sheet-*")
struct DeploySheetCommandTests {
    @Test("Packs a folder of frames into a sheet with --sheet-columns and --sheet-clip; a bad clip is refused")
    func deploySheet() async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let frames = binary.home.appendingPathComponent("frames")
        try FileManager.default.createDirectory(at: frames, withIntermediateDirectories: true)
        for seed in 1...2 {
            let made = try await binary.run(["generate", "blue slime", "--size", "16", "--seed", "\(seed)", "--json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any])
            let job = try #require(object["job"] as? [String: Any])
            let item = try #require((job["items"] as? [[String: Any]])?.first?["sprite"] as? [String: Any])
            let path = try #require(item["path"] as? String)
            try FileManager.default.copyItem(atPath: path, toPath: frames.appendingPathComponent("f\(seed).png").path)
        }
        let project = binary.home.appendingPathComponent("game")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try Data("[dependencies]\nbevy = \"0.15\"\n".utf8).write(to: project.appendingPathComponent("Cargo.toml"))

        let result = try await binary.run([
            "deploy", project.path, frames.path, "--name", "slime", "--category", "creature",
            "--sheet-columns", "2", "--sheet-fps", "6", "--sheet-clip", "idle:0:1", "--asset-collection", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sheet = try #require(report["sheet"] as? [String: Any])
        #expect(sheet["columns"] as? Int == 2 && sheet["rows"] as? Int == 1 && sheet["fps"] as? Double == 6)
        let sprites = project.appendingPathComponent("assets/sprites")
        for file in [
            "creature/slime.png", "creature/slime.sheet.ron", "creature/slime.sheet.json", "sprites.assets.ron",
        ] {
            #expect(FileManager.default.fileExists(atPath: sprites.appendingPathComponent(file).path), "\(file)")
        }

        let bad = try await binary.run([
            "deploy", project.path, frames.path, "--name", "slime", "--sheet-columns", "2", "--sheet-clip", "idle",
        ])
        #expect(bad.status != 0 && bad.stderr.contains("NAME:FIRST:LAST"))
    }
}
