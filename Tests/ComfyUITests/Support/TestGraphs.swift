import ComfyUI
import ComfyUIStandIn
import Foundation
import Logging
import PixelArt
import Synchronization

/// API-format graphs the stand-in accepts, built like a "Save (API)" export of the default SD 1.5 workflow.
enum TestGraphs {
    static func sd15(
        prompt: String = "pixel art knight",
        seed: UInt64 = 7,
        size: Int = 64,
        checkpoint: String = "v1-5-pruned-emaonly.safetensors",
        steps: Int = 4
    ) -> JSONValue {
        [
            "3": [
                "class_type": "KSampler",
                "inputs": [
                    "seed": .uint(seed), "steps": .int(Int64(steps)), "cfg": 7.0, "sampler_name": "euler",
                    "scheduler": "normal", "denoise": 1.0, "model": ["4", 0], "positive": ["6", 0],
                    "negative": ["7", 0], "latent_image": ["5", 0],
                ],
            ],
            "4": ["class_type": "CheckpointLoaderSimple", "inputs": ["ckpt_name": .string(checkpoint)]],
            "5": [
                "class_type": "EmptyLatentImage",
                "inputs": ["width": .int(Int64(size)), "height": .int(Int64(size)), "batch_size": 1],
            ],
            "6": ["class_type": "CLIPTextEncode", "inputs": ["text": .string(prompt), "clip": ["4", 1]]],
            "7": ["class_type": "CLIPTextEncode", "inputs": ["text": "blurry", "clip": ["4", 1]]],
            "8": ["class_type": "VAEDecode", "inputs": ["samples": ["3", 0], "vae": ["4", 2]]],
            "9": ["class_type": "SaveImage", "inputs": ["filename_prefix": "test", "images": ["8", 0]]],
        ]
    }

    /// The SD 1.5 graph as img2img: `LoadImage` (node 10) → `VAEEncode` (11) → the KSampler's `latent_image`.
    static func img2img(
        image: JSONValue,
        denoise: JSONValue = 0.55,
        prompt: String = "pixel art knight, walking pose",
        seed: UInt64 = 7,
        checkpoint: String = "v1-5-pruned-emaonly.safetensors",
        steps: Int = 4
    ) -> JSONValue {
        sd15(prompt: prompt, seed: seed, checkpoint: checkpoint, steps: steps)
            .setting(["5"], to: nil)
            .setting(["3", "inputs", "latent_image"], to: ["11", 0])
            .setting(["3", "inputs", "denoise"], to: denoise)
            .setting(["10"], to: ["class_type": "LoadImage", "inputs": ["image": image]])
            .setting(["11"], to: ["class_type": "VAEEncode", "inputs": ["pixels": ["10", 0], "vae": ["4", 2]]])
    }

    /// A PNG of one colour.
    static func png(width: Int = 64, height: Int = 64, _ colour: RGBA) throws -> Data {
        try PNGCodec.encode(RGBAImage(width: width, height: height, fill: colour))
    }
}

/// Options that keep tests fast: short polls, quick retries.
extension ComfyUIClient.Options {
    static var fast: ComfyUIClient.Options {
        var options = ComfyUIClient.Options()
        options.requestTimeout = .seconds(5)
        options.connectTimeout = .seconds(15)  // also bounds the wait for the greeting on a loaded machine
        options.retry = RetryPolicy(attempts: 3, initialDelay: .milliseconds(10), maxDelay: .milliseconds(50))
        options.pollInterval = .milliseconds(50)
        options.safetyPollInterval = .seconds(2)
        return options
    }
}

extension ComfyUIClient {
    static func testing(_ url: URL, options: Options = .fast, clientID: String? = nil) -> ComfyUIClient {
        ComfyUIClient(
            baseURL: url,
            clientID: clientID ?? "test-" + UUID().uuidString.lowercased(),
            options: options,
            connector: NIOWebSocketConnector(),
            logger: Logger(label: "test.comfyui")
        )
    }
}

/// Collects a run's updates for later checks.
final class UpdateLog: Sendable {
    private let updates = Mutex<[PromptUpdate]>([])

    var all: [PromptUpdate] { updates.withLock { $0 } }

    func record(_ update: PromptUpdate) {
        updates.withLock { $0.append(update) }
    }

    var steps: [Int] {
        all.compactMap { if case .step(let value, _) = $0 { value } else { nil } }
    }
}
