import ComfyUIStandIn
import Foundation
import MCP
import Testing

@testable import PixelsMCP

@Suite("generate_tileset with the ComfyUI engine")
struct ComfyUITilesetToolTests {
    @Test("ComfyUI hands tilesets to the procedural painter: engine 'procedural', no prompt sent, progress to 'saved'")
    func paintsProcedurally() async throws {
        let standIn = try await ComfyUIStandIn.start(.init(defaultBehaviour: Behaviour(steps: 5)))
        defer { Task { await standIn.shutdown() } }
        let harness = try await ComfyUIToolTests.harness(standIn)
        defer { Task { await harness.stop() } }
        let messages = ProgressMessageLog()
        await harness.client.onNotification(ProgressNotification.self) { message in
            await messages.append(message.params.message ?? "", message.params.progress)
        }
        var meta = Metadata()
        meta.progressToken = .string("tiles")
        let context: RequestContext<CallTool.Result> = try await harness.client.callTool(
            name: "generate_tileset",
            arguments: ["terrain": "grass", "edge": "water", "seed": 1, "tile_size": 8],
            meta: meta
        )
        let result = try await context.value
        #expect(result.isError != true, "\(result.text)")
        let structured = try #require(result.structuredContent?.objectValue)
        #expect(structured["sprite"]?.objectValue?["engine"]?.stringValue == "procedural")
        #expect(structured["tileset"]?.objectValue?["tiles"]?.arrayValue?.count == 16)
        #expect(standIn.submittedPrompts.isEmpty)
        let texts = await messages.texts
        #expect(texts.contains { $0.hasPrefix("saved ") }, "\(texts)")
        let values = await messages.values
        #expect(values == values.sorted(), "progress never decreases")
    }
}
