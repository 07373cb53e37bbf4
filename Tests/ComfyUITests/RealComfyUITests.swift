import ComfyUI
import Foundation
import Logging
import PixelArt
import Testing

/// Checks against a real ComfyUI server, skipped unless `COMFYUI_URL` names one (such as http://gpu:8188).
@Suite(
    "Real ComfyUI (COMFYUI_URL)",
    .enabled(if: ProcessInfo.processInfo.environment["COMFYUI_URL"] != nil, "set COMFYUI_URL to run")
)
struct RealComfyUITests {
    let client: ComfyUIClient

    init() throws {
        let url = try #require(ProcessInfo.processInfo.environment["COMFYUI_URL"].flatMap(URL.init(string:)))
        var options = ComfyUIClient.Options()
        options.promptTimeout = .seconds(600)
        client = ComfyUIClient(baseURL: url, options: options, connector: NIOWebSocketConnector())
    }

    @Test("The server answers system_stats, queue and models in the recorded shapes")
    func endpoints() async throws {
        let stats = try await client.systemStats()
        #expect(!stats.comfyUIVersion.isEmpty && stats.comfyUIVersion != "unknown")
        _ = try await client.queue()
        _ = try await client.models("checkpoints")
        let info = try ObjectInfo(json: try await client.objectInfo(classes: ["KSampler", "CheckpointLoaderSimple"]))
        #expect(info.hasClass("KSampler"))
        await client.shutdown()
    }

    @Test("A tiny SD workflow with the first installed checkpoint runs to a PNG of the asked size")
    func tinyRun() async throws {
        let checkpoint = try #require(try await client.models("checkpoints").first, "no checkpoint installed")
        let graph: JSONValue = [
            "3": [
                "class_type": "KSampler",
                "inputs": [
                    "seed": 1, "steps": 2, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0,
                    "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0],
                ],
            ],
            "4": ["class_type": "CheckpointLoaderSimple", "inputs": ["ckpt_name": .string(checkpoint)]],
            "5": ["class_type": "EmptyLatentImage", "inputs": ["width": 64, "height": 64, "batch_size": 1]],
            "6": ["class_type": "CLIPTextEncode", "inputs": ["text": "pixel art knight", "clip": ["4", 1]]],
            "7": ["class_type": "CLIPTextEncode", "inputs": ["text": "blurry", "clip": ["4", 1]]],
            "8": ["class_type": "VAEDecode", "inputs": ["samples": ["3", 0], "vae": ["4", 2]]],
            "9": ["class_type": "SaveImage", "inputs": ["filename_prefix": "dgx-pixels-test", "images": ["8", 0]]],
        ]
        let result = try await client.run(graph)
        let image = try PNGCodec.decode(try #require(result.images.first).data)
        #expect(image.width == 64 && image.height == 64)
        await client.shutdown()
    }
}
