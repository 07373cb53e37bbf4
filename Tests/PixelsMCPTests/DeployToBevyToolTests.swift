import Foundation
import MCP
import PixelArt
import SpriteEngine
import Testing

@testable import PixelsMCP

@Suite("deploy_to_bevy sheets, backups and reload over MCP")
struct DeployToBevyToolTests {
    @Test("generate_batch with deploy_to puts every sprite into the game and reports them all")
    func batchDeploysEachItem() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let project = try harness.makeBevyProject(version: "0.15")
        let result = try await harness.call(
            "generate_batch",
            [
                "prompts": ["gold coin", "red gem", "blue potion"], "size": 16, "category": "item",
                "deploy_to": .string(project.path),
            ]
        )
        #expect(result.isError == false, "\(result.text)")
        let deployment = try #require(result.structuredContent?.objectValue?["deployment"]?.objectValue)
        let paths = deployment["sprites"]?.arrayValue?.compactMap { $0.objectValue?["asset_path"]?.stringValue } ?? []
        #expect(
            Set(paths) == ["sprites/item/gold-coin.png", "sprites/item/red-gem.png", "sprites/item/blue-potion.png"]
        )
        for path in paths {
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("assets/" + path).path))
        }
        let manifest = try Data(contentsOf: project.appendingPathComponent("assets/sprites/manifest.json"))
        let text = String(decoding: manifest, as: UTF8.self)
        #expect(text.contains("blue-potion") && text.contains("\"prompt\" : \"blue potion\""), "\(text)")
    }

    @Test("generate_sprite with deploy_to that answers 'running' still deploys the sprite once it is made")
    func runningSpriteIsDeployed() async throws {
        let harness = try await MCPHarness.start(configure: { _ in }, generator: { _ in DelayedGenerator() })
        defer { Task { await harness.stop() } }
        let project = try harness.makeBevyProject(version: "0.15")
        let result = try await harness.call(
            "generate_sprite",
            [
                "prompt": "silver key", "size": 256, "category": "item", "wait_seconds": 0,
                "deploy_to": .string(project.path),
            ]
        )
        let structured = try #require(result.structuredContent?.objectValue)
        #expect(structured["status"]?.stringValue == "running", "\(result.text)")
        let job = try #require(structured["job_id"]?.stringValue)
        let done = try await harness.call("get_job", ["job_id": .string(job), "wait_seconds": 60])
        #expect(done.isError == false, "\(done.text)")
        let png = project.appendingPathComponent("assets/sprites/item/silver-key.png")
        #expect(FileManager.default.fileExists(atPath: png.path))
        let deployed = done.structuredContent?.objectValue?["deployment"]?.objectValue?["report"]?.objectValue
        #expect(deployed?["sprites"]?.arrayValue?.count == 1, "\(done.text)")
    }

    @Test("Packs a batch's frames into a sheet with descriptors and a collection; a missing game is a warning")
    func sheet() async throws {
        // Port 1 on loopback: nothing listens, so the reload request fails at once.
        let harness = try await MCPHarness.start { $0.bevy.remoteURL = "http://127.0.0.1:1/" }
        defer { Task { await harness.stop() } }
        let project = try harness.makeBevyProject(version: "0.15")
        let frames: [Value] = (1...4).map { seed in
            .object([
                "prompt": "blue slime", "name": .string("blue-slime-\(seed)"), "category": "creature", "size": 16,
                "seed": .int(seed),
            ])
        }
        let batch = try await harness.call("generate_batch", ["items": .array(frames)])
        let jobID = try #require(batch.structuredContent?.objectValue?["job"]?.objectValue?["job_id"]?.stringValue)
        let sheet: Value = [
            "columns": 2, "fps": 8, "clips": [["name": "idle", "first": 0, "last": 3]], "asset_collection": true,
        ]
        let result = try await harness.call(
            "deploy_to_bevy",
            [
                "project": .string(project.path), "sprites": [.string(jobID)], "name": "blue-slime",
                "category": "creature", "sheet": sheet, "reload": true,
            ]
        )
        #expect(result.isError == false, "\(result.text)")
        let report = try #require(result.structuredContent?.objectValue)
        let layout = try #require(report["sheet"]?.objectValue)
        #expect(layout["columns"] == 2 && layout["rows"] == 2 && layout["tile_size_x"] == 16 && layout["frames"] == 4)
        #expect(layout["image"] == "sprites/creature/blue-slime.png")
        let warnings = report["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.count == 1 && warnings[0].contains("127.0.0.1:1"))
        let sprites = project.appendingPathComponent("assets/sprites")
        for file in [
            "creature/blue-slime.png", "creature/blue-slime.png.meta", "creature/blue-slime.sheet.ron",
            "creature/blue-slime.sheet.json", "sprites.assets.ron",
        ] {
            #expect(FileManager.default.fileExists(atPath: sprites.appendingPathComponent(file).path), "\(file)")
        }
        let png = try Data(contentsOf: sprites.appendingPathComponent("creature/blue-slime.png"))
        #expect(try PNGCodec.decode(png).width == 32)
    }

    @Test("A sheet without a name, or with an unknown sheet key, is isError naming the field")
    func badSheet() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let project = try harness.makeBevyProject(version: "0.15")
        let made = try await harness.call("generate_sprite", ["prompt": "coin", "name": "coin", "size": 16])
        let jobID = try #require(made.structuredContent?.objectValue?["job_id"]?.stringValue)
        let unnamed = try await harness.call(
            "deploy_to_bevy",
            ["project": .string(project.path), "sprites": [.string(jobID)], "sheet": ["columns": 1]]
        )
        #expect(unnamed.isError == true && unnamed.text.contains("'name'"))
        let unknown = try await harness.call(
            "deploy_to_bevy",
            [
                "project": .string(project.path), "sprites": [.string(jobID)], "name": "coin",
                "sheet": ["columns": 1, "colums": 2],
            ]
        )
        #expect(unknown.isError == true && unknown.text.contains("sheet.colums"))
    }

    @Test("Redeploying a changed sprite reports where the old one was backed up")
    func backup() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let project = try harness.makeBevyProject(version: "0.15")
        var paths: [String?] = []
        for prompt in ["gold coin", "red health potion"] {
            let made = try await harness.call(
                "generate_sprite",
                ["prompt": .string(prompt), "name": "coin", "size": 16, "category": "items"]
            )
            let jobID = try #require(made.structuredContent?.objectValue?["job_id"]?.stringValue)
            let result = try await harness.call(
                "deploy_to_bevy",
                ["project": .string(project.path), "sprites": [.string(jobID)], "category": "items"]
            )
            paths.append(result.structuredContent?.objectValue?["backup_path"]?.stringValue)
        }
        #expect(paths[0] == nil)
        let backup = try #require(paths[1])
        #expect(FileManager.default.fileExists(atPath: backup + "/sprites/items/coin.png"))
    }
}

/// The procedural engine after half a second, so a call with `wait_seconds: 0` is sure to answer first.
struct DelayedGenerator: Generator {
    var engineName: String { "delayed" }

    func generate(
        _ request: SpriteRequest,
        seed: UInt64,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws -> GeneratedImage {
        try await Task.sleep(for: .milliseconds(500))
        return try await ProceduralGenerator().generate(request, seed: seed, progress: progress, prompts: prompts)
    }
}
