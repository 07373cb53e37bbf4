import Foundation
import MCP
import PixelArt
import SpriteEngine
import Testing

@testable import PixelsMCP

@Suite("MCP tools over InMemoryTransport")
struct ToolCallTests {
    @Test("initialize advertises tools, resources and logging; tools/list has the seven tools with both schemas")
    func listsTools() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let tools = try await harness.client.listTools().tools
        #expect(
            Set(tools.map(\.name)) == [
                "generate_sprite", "generate_tileset", "generate_batch", "deploy_to_bevy", "get_job", "cancel_job",
                "validate_sprite",
            ]
        )
        for tool in tools {
            #expect(tool.inputSchema.objectValue?["additionalProperties"] == .bool(false))
            #expect(tool.outputSchema?.objectValue?["type"] == "object")
        }
    }

    @Test("generate_sprite returns structured content, a text summary, a capped preview and a resource link")
    func generateSprite() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let result = try await harness.call(
            "generate_sprite",
            ["prompt": "red knight", "size": 24, "seed": 42, "category": "character"]
        )
        #expect(result.isError == false)
        let structured = try #require(result.structuredContent?.objectValue)
        #expect(structured["status"] == "succeeded")
        let sprite = try #require(structured["sprite"]?.objectValue)
        #expect(sprite["width"] == 24 && sprite["height"] == 24 && sprite["seed"] == 42)
        #expect(sprite["engine"] == "procedural")
        #expect(try #require(sprite["path"]?.stringValue).hasPrefix(harness.configuration.output.directory.path))
        var sawImage = false
        var sawLink = false
        for block in result.content {
            switch block {
            case .image(let data, let mimeType, _, _):
                let png = try #require(Data(base64Encoded: data))
                #expect(mimeType == "image/png" && png.count <= 65_536)
                let preview = try PNGCodec.decode(png)
                #expect(preview.width == 240 && preview.height == 240)
                sawImage = true
            case .resourceLink(let uri, _, _, _, _, _):
                #expect(uri == sprite["uri"]?.stringValue)
                sawLink = true
            default: break
            }
        }
        #expect(sawImage && sawLink)
        let contents = try await harness.client.readResource(uri: try #require(sprite["uri"]?.stringValue))
        let blob = try #require(contents.first?.blob.flatMap { Data(base64Encoded: $0) })
        #expect(try PNGCodec.decode(blob).width == 24)
    }

    @Test(
        "Bad arguments are isError results naming the field; nothing is written",
        arguments: [
            (["size": 32] as [String: Value], "prompt"),
            (["prompt": ""], "prompt"),
            (["prompt": 7], "prompt"),
            (["prompt": "knight", "size": 0], "size"),
            (["prompt": "knight", "size": -4], "size"),
            (["prompt": "knight", "size": 10000], "size"),
            (["prompt": "knight", "size": "huge"], "size"),
            (["prompt": "knight", "size": "10x10000"], "size"),
            (["prompt": "knight", "seed": "seven"], "seed"),
            (["prompt": "knight", "style": "oil-paint"], "style"),
            (["prompt": "knight", "palette": "rainbow"], "palette"),
            (["prompt": "knight", "colors": 0], "colors"),
            (["prompt": "knight", "name": "a/b"], "name"),
            (["prompt": "knight", "name": ".."], "name"),
            (["prompt": "knight", "category": "x\u{0}y"], "category"),
            (["prompt": "knight", "sise": 32], "sise"),
        ]
    )
    func badArguments(arguments: [String: Value], field: String) async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let result = try await harness.call("generate_sprite", arguments)
        #expect(result.isError == true)
        #expect(result.text.contains("'\(field)'"), "\(result.text)")
        let written =
            (try? FileManager.default.contentsOfDirectory(atPath: harness.configuration.output.directory.path)) ?? []
        #expect(written.isEmpty)
    }

    @Test("generate_batch: zero items and more than the maximum are refused before anything runs")
    func batchLimits() async throws {
        let harness = try await MCPHarness.start { $0.limits.maxBatch = 3 }
        defer { Task { await harness.stop() } }
        let empty = try await harness.call("generate_batch", ["prompts": .array([])])
        #expect(empty.isError == true && empty.text.contains("'prompts'"))
        let tooMany = try await harness.call("generate_batch", ["prompts": ["a", "b", "c", "d"]])
        #expect(tooMany.isError == true && tooMany.text.contains("at most 3"))
        let neither = try await harness.call("generate_batch", ["size": 16])
        #expect(neither.isError == true)
        let badItem = try await harness.call(
            "generate_batch",
            ["items": [["prompt": "ok"], ["prompt": "bad", "size": 2]]]
        )
        #expect(badItem.isError == true && badItem.text.contains("items[1].size"))
    }

    @Test("generate_batch returns one result per item in order, with unique names")
    func batch() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let result = try await harness.call(
            "generate_batch",
            ["prompts": ["green slime", "green slime", "gold coin"], "size": 16, "seed": 5]
        )
        #expect(result.isError == false)
        let job = try #require(result.structuredContent?.objectValue?["job"]?.objectValue)
        let itemValues = try #require(job["items"]?.arrayValue)
        let items = itemValues.compactMap(\.objectValue)
        #expect(items.map { $0["name"]?.stringValue } == ["green-slime", "green-slime-2", "gold-coin"])
        #expect(items.allSatisfy { $0["status"] == "succeeded" })
        let jobID = try #require(job["job_id"]?.stringValue)
        let again = try await harness.call("get_job", ["job_id": .string(jobID)])
        #expect(again.structuredContent?.objectValue?["items"] == job["items"])
    }

    @Test("deploy_to_bevy writes the sprite, its .meta and the manifest; bad targets are isError")
    func deploy() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let project = try harness.makeBevyProject(version: "0.14")
        let made = try await harness.call("generate_sprite", ["prompt": "gold coin", "name": "coin", "size": 16])
        let jobID = try #require(made.structuredContent?.objectValue?["job_id"]?.stringValue)
        let result = try await harness.call(
            "deploy_to_bevy",
            ["project": .string(project.path), "sprites": [.string(jobID)], "category": "items"]
        )
        #expect(result.isError == false, "\(result.text)")
        let assets = project.appendingPathComponent("assets/sprites/items")
        #expect(FileManager.default.fileExists(atPath: assets.appendingPathComponent("coin.png").path))
        let meta = try String(contentsOf: assets.appendingPathComponent("coin.png.meta"), encoding: .utf8)
        #expect(meta.contains("bevy_render::texture::image_loader::ImageLoader"))
        #expect(
            FileManager.default.fileExists(atPath: project.appendingPathComponent("assets/sprites/manifest.json").path)
        )

        let missing = try await harness.call(
            "deploy_to_bevy",
            ["project": .string(harness.root.path + "/nope"), "sprites": [.string(jobID)]]
        )
        #expect(missing.isError == true)
        let notBevy = harness.root.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: notBevy, withIntermediateDirectories: true)
        try Data("[package]\nname = \"x\"\n".utf8).write(to: notBevy.appendingPathComponent("Cargo.toml"))
        let plain = try await harness.call(
            "deploy_to_bevy",
            ["project": .string(notBevy.path), "sprites": [.string(jobID)]]
        )
        #expect(plain.isError == true && plain.text.contains("bevy"))
        for bad in ["../up", "a/b", "nul\u{0}"] {
            let named = try await harness.call(
                "deploy_to_bevy",
                ["project": .string(project.path), "sprites": [.string(jobID)], "name": .string(bad)]
            )
            #expect(named.isError == true && named.text.contains("'name'"))
        }
    }

    @Test("validate_sprite reports non-PNG, truncated and bomb files as errors with their codes")
    func validate() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let good = try PNGCodec.encode(RGBAImage(width: 4, height: 4, fill: RGBA(1, 2, 3)))
        var bomb = good
        bomb.replaceSubrange(16..<24, with: [0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0])  // 100000 × 100000
        let crc = PNGTestSupport.crc32(Array(bomb[12..<29]))
        bomb.replaceSubrange(29..<33, with: withUnsafeBytes(of: crc.bigEndian, Array.init))
        let files: [(String, Data, String)] = [
            ("text.png", Data("hello".utf8), "not_png"),
            ("cut.png", good.prefix(good.count / 2), "truncated"),
            ("bomb.png", bomb, "too_large"),
        ]
        for (name, data, code) in files {
            let url = harness.root.appendingPathComponent(name)
            try data.write(to: url)
            let result = try await harness.call("validate_sprite", ["path": .string(url.path)])
            #expect(result.isError == true)
            #expect(result.text.contains(code), "\(name): \(result.text)")
        }
        let url = harness.root.appendingPathComponent("good.png")
        try good.write(to: url)
        #expect(try await harness.call("validate_sprite", ["path": .string(url.path)]).isError == false)
    }

    @Test("An unknown tool is a JSON-RPC invalid-params error")
    func unknownTool() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        await #expect {
            _ = try await harness.call("make_coffee", [:])
        } throws: { error in
            guard let error = error as? MCPError, case .invalidParams(let message) = error else { return false }
            return message?.contains("make_coffee") == true
        }
    }

    @Test("Progress notifications reach the client, in order, when it sends a progress token")
    func progress() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let seen = ProgressLog()
        await harness.client.onNotification(ProgressNotification.self) { message in
            await seen.append(message.params.progress)
        }
        var meta = Metadata()
        meta.progressToken = .string("tok")
        let context: RequestContext<CallTool.Result> = try await harness.client.callTool(
            name: "generate_batch",
            arguments: ["prompts": ["a", "b", "c", "d"], "size": 16],
            meta: meta
        )
        _ = try await context.value
        for _ in 0..<200 where await seen.values.last != 4 {
            try await Task.sleep(for: .milliseconds(10))  // notifications may be delivered just after the result
        }
        let values = await seen.values
        #expect(values.last == 4)
        #expect(values == values.sorted())
    }
}

/// Collects progress values.
actor ProgressLog {
    var values: [Double] = []

    func append(_ value: Double) {
        values.append(value)
    }
}

/// CRC-32 for hand-made PNG chunks in tests.
enum PNGTestSupport {
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xedb8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}

@Suite("Batches at scale, cancel_job and job:// over MCP")
struct BatchScaleTests {
    @Test("variations make N sprites per prompt with consecutive seeds, in input order")
    func variations() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let result = try await harness.call(
            "generate_batch",
            [
                "items": [["prompt": "gold coin", "variations": 3], ["prompt": "red gem"]], "size": 16, "seed": 40,
            ]
        )
        #expect(result.isError == false, "\(result.text)")
        let items = try #require(result.structuredContent?.objectValue?["job"]?.objectValue?["items"]?.arrayValue)
        let names = items.compactMap { $0.objectValue?["sprite"]?.objectValue?["name"]?.stringValue }
        let seeds = items.compactMap { $0.objectValue?["sprite"]?.objectValue?["seed"]?.intValue }
        #expect(names == ["gold-coin-v1", "gold-coin-v2", "gold-coin-v3", "red-gem"])
        #expect(seeds == [40, 41, 42, 41])
    }

    @Test("A batch over limits.max_batch once variations are counted is refused before anything runs")
    func overLimit() async throws {
        let harness = try await MCPHarness.start { $0.limits.maxBatch = 10 }
        defer { Task { await harness.stop() } }
        let result = try await harness.call(
            "generate_batch",
            ["prompts": ["a", "b", "c", "d"], "variations": 3, "size": 16]
        )
        #expect(result.isError == true)
        #expect(result.text.contains("make 12 sprites, over limits.max_batch (10)"), "\(result.text)")
        #expect(await harness.engine.recentJobs(limit: 10).isEmpty)
    }

    @Test("cancel_job stops a running batch, keeps what was made, and job:// serves the record")
    func cancelAndResource() async throws {
        let harness = try await MCPHarness.start(
            configure: { _ in },
            generator: { _ in SlowGenerator() }
        )
        defer { Task { await harness.stop() } }
        let started = try await harness.call(
            "generate_batch",
            ["prompts": ["quick one", "slow two", "slow three"], "size": 16, "wait_seconds": 0.5, "concurrency": 3]
        )
        let id = try #require(started.structuredContent?.objectValue?["job"]?.objectValue?["job_id"]?.stringValue)
        let cancelled = try await harness.call("cancel_job", ["job_id": Value.string(id)])
        let record = try #require(cancelled.structuredContent?.objectValue)
        #expect(record["status"]?.stringValue == "cancelled", "\(cancelled.text)")
        let statuses = record["items"]?.arrayValue?.compactMap { $0.objectValue?["status"]?.stringValue }
        #expect(statuses == ["succeeded", "cancelled", "cancelled"])

        let read = try await harness.client.readResource(uri: "job://\(id)")
        let content = try #require(read.first)
        #expect(content.mimeType == "application/json")
        #expect(content.text?.contains("\"status\" : \"cancelled\"") == true, "\(content)")
        let unknown = try await harness.call("cancel_job", ["job_id": "20990101-000000-abcdef"])
        #expect(unknown.isError == true && unknown.text.contains("20990101-000000-abcdef"))
    }
}

/// Paints quickly for prompts with "quick", and waits an hour for the others (until cancelled).
struct SlowGenerator: Generator {
    var engineName: String { "slow" }

    func generate(
        _ request: SpriteRequest,
        seed: UInt64,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws -> GeneratedImage {
        if !request.prompt.contains("quick") { try await Task.sleep(for: .seconds(3600)) }
        return try await ProceduralGenerator().generate(request, seed: seed, progress: progress, prompts: prompts)
    }
}

@Suite("Batch contact sheet")
struct ContactSheetToolTests {
    @Test("A finished batch saves a numbered grid of its sprites beside them and shows it inline")
    func sheet() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let result = try await harness.call(
            "generate_batch",
            ["prompts": ["gold coin", "red gem", "blue potion", "green slime", "iron sword"], "size": 16]
        )
        let job = try #require(result.structuredContent?.objectValue?["job"]?.objectValue)
        let path = try #require(job["contact_sheet"]?.stringValue)
        let id = try #require(job["job_id"]?.stringValue)
        #expect(path.hasSuffix("/\(id)/contact-sheet.png"))
        let sheet = try PNGCodec.decode(try Data(contentsOf: URL(fileURLWithPath: path)))
        // Five sprites: a 3 × 2 grid of 64 px tiles with 4 px gaps.
        #expect(sheet.width == 3 * 64 + 4 * 4 && sheet.height == 2 * 64 + 3 * 4)
        var images = 0
        for case .image(_, let mimeType, _, _) in result.content where mimeType == "image/png" { images += 1 }
        #expect(images == 1)
    }

    @Test("Animations show as rows of their frames, one per direction, under the stills")
    func animationRows() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let result = try await harness.call(
            "generate_batch",
            [
                "items": [
                    ["prompt": "gold coin"], ["prompt": "red gem"],
                    ["prompt": "knight", "category": "character", "animation": "walk", "frames": 6, "directions": 4],
                ],
                "size": 16,
            ]
        )
        let job = try #require(result.structuredContent?.objectValue?["job"]?.objectValue, "\(result.text)")
        let sheet = try PNGCodec.decode(
            try Data(contentsOf: URL(fileURLWithPath: try #require(job["contact_sheet"]?.stringValue)))
        )
        // Two stills in one row, then four rows of six frames.
        #expect(sheet.width == 6 * 64 + 7 * 4 && sheet.height == 5 * 64 + 6 * 4)
    }
}
