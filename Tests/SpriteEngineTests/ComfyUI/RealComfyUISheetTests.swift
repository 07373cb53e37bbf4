import ComfyUI
import Foundation
import PixelArt
import Testing

@testable import SpriteEngine

/// An animation sheet painted by a real ComfyUI.
///
/// Every frame's graph passes the server's own validation (the engine also checks each against its `/object_info`
/// first), uploads land, and the sheet comes back whole. Skipped unless `COMFYUI_URL` names a server with a
/// checkpoint (random weights are enough: the pictures are not judged).
@Suite(
    "Real ComfyUI animation sheet (COMFYUI_URL)",
    .enabled(if: ProcessInfo.processInfo.environment["COMFYUI_URL"] != nil, "set COMFYUI_URL to run")
)
struct RealComfyUISheetTests {
    @Test("A 2-frame, 4-direction walk: key frame from text, the rest img2img from uploads, one palette")
    func walkSheet() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["COMFYUI_URL"].flatMap(URL.init(string:)))
        var harness = try ComfyUIHarness(urls: [url])
        harness.configuration.comfyUI.requestTimeout = 60
        harness.configuration.comfyUI.promptTimeout = 1800
        let client = ComfyUIClient(baseURL: url, connector: NIOWebSocketConnector())
        let checkpoint = try #require(try await client.models("checkpoints").first, "no checkpoint installed")
        let engine = harness.engine()
        let request = try harness.request("knight", seed: 3) { draft in
            draft[.animation] = .text("walk")
            draft[.frames] = .int(2)
            draft[.directions] = .int(4)
            draft[.steps] = .int(2)
            draft[.generationSize] = .int(64)
            draft[.checkpoint] = .text(checkpoint)
        }
        let record = try await engine.run([request], kind: "sprite", concurrency: 1, waitSeconds: 1800, progress: .none)
        let sprite = try #require(record.items.first?.sprite, "\(record)")
        #expect(sprite.sheet?.columns == 2 && sprite.sheet?.rows == 4)
        let image = try PNGCodec.decode(try Data(contentsOf: URL(fileURLWithPath: sprite.path)))
        #expect(image.width == 64 && image.height == 128)
        await engine.shutdown()
    }
}
