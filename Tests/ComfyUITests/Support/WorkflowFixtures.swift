import Foundation

@testable import ComfyUI

/// Templates, exports and `/object_info` answers made in the tests.
enum WorkflowFixtures {
    /// The repository's `workflows/` folder.
    static let shippedFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("workflows")

    /// The templates in `workflows/`, sorted.
    static let shippedNames = [
        "sd15-pixel-art", "sd15-pixel-art-img2img", "sdxl-pixel-art", "sdxl-pixel-art-img2img", "sdxl-turbo-fast",
        "sdxl-turbo-fast-img2img",
    ]

    /// The 7-node SD1.5 graph ComfyUI's default workflow exports with "Save (API)".
    static let sd15Export: JSONValue = [
        "3": [
            "class_type": "KSampler",
            "inputs": [
                "seed": 156_680_208_700_286, "steps": 20, "cfg": 8.0, "sampler_name": "euler", "scheduler": "normal",
                "denoise": 1.0, "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0],
                "latent_image": ["5", 0],
            ],
            "_meta": ["title": "KSampler"],
        ],
        "4": [
            "class_type": "CheckpointLoaderSimple", "inputs": ["ckpt_name": "v1-5-pruned-emaonly.safetensors"],
            "_meta": ["title": "Load Checkpoint"],
        ],
        "5": ["class_type": "EmptyLatentImage", "inputs": ["width": 512, "height": 512, "batch_size": 1]],
        "6": [
            "class_type": "CLIPTextEncode",
            "inputs": ["text": "beautiful scenery nature glass bottle landscape", "clip": ["4", 1]],
        ],
        "7": ["class_type": "CLIPTextEncode", "inputs": ["text": "text, watermark", "clip": ["4", 1]]],
        "8": ["class_type": "VAEDecode", "inputs": ["samples": ["3", 0], "vae": ["4", 2]]],
        "9": ["class_type": "SaveImage", "inputs": ["filename_prefix": "ComfyUI", "images": ["8", 0]]],
    ]

    /// A template around `nodes` with `parameters`; prompt and seed are declared and used unless replaced.
    static func template(
        nodes: [String: JSONValue] = [:],
        parameters: [String: JSONValue] = [:],
        block: JSONValue? = nil
    ) -> JSONValue {
        var graph: [String: JSONValue] = [
            "3": [
                "class_type": "KSampler",
                "inputs": ["seed": "{{seed}}", "positive": ["6", 0], "latent_image": ["5", 0]],
            ],
            "5": ["class_type": "EmptyLatentImage", "inputs": ["width": 64, "height": 64, "batch_size": 1]],
            "6": ["class_type": "CLIPTextEncode", "inputs": ["text": "pixel art, {{prompt}}, game sprite"]],
            "9": ["class_type": "SaveImage", "inputs": ["images": ["3", 0], "filename_prefix": "x"]],
        ]
        graph.merge(nodes) { _, new in new }
        var declared: [String: JSONValue] = [
            "prompt": ["type": "string"],
            "seed": ["type": "int", "default": 0, "min": 0, "max": .uint(UInt64.max)],
        ]
        declared.merge(parameters) { _, new in new }
        graph["_dgx_pixels"] = block ?? ["description": "test", "parameters": .object(declared)]
        return .object(graph)
    }

    static func load(_ json: JSONValue, fileName: String = "test.json") throws(WorkflowError) -> WorkflowTemplate {
        try WorkflowTemplate(json: json, fileName: fileName)
    }

    /// `/object_info` for the nodes the shipped templates use, in ComfyUI 0.3.64's format, with the given files.
    static func objectInfo(
        checkpoints: [String] = ["sd_xl_base_1.0.safetensors", "v1-5-pruned-emaonly.safetensors"],
        loras: [String] = ["pixel-art-xl.safetensors"],
        samplers: [String] = ["euler", "euler_ancestral", "dpmpp_2m"],
        inputImages: [String] = ["example.png"],
        withLoraLoader: Bool = true
    ) throws -> ObjectInfo {
        let files = { (names: [String]) in JSONValue.array(names.map(JSONValue.string)) }
        var classes: [String: JSONValue] = [
            "CheckpointLoaderSimple": [
                "input": ["required": ["ckpt_name": [files(checkpoints), ["tooltip": "The name of the checkpoint."]]]],
                "output": ["MODEL", "CLIP", "VAE"], "output_node": false,
            ],
            "EmptyLatentImage": [
                "input": [
                    "required": [
                        "width": ["INT", ["default": 512, "min": 16, "max": 16384, "step": 8]],
                        "height": ["INT", ["default": 512, "min": 16, "max": 16384, "step": 8]],
                        "batch_size": ["INT", ["default": 1, "min": 1, "max": 4096]],
                    ]
                ],
                "output": ["LATENT"],
            ],
            "CLIPTextEncode": [
                "input": ["required": ["text": ["STRING", ["multiline": true]], "clip": ["CLIP"]]],
                "output": ["CONDITIONING"],
            ],
            "KSampler": [
                "input": [
                    "required": [
                        "model": ["MODEL"],
                        "seed": ["INT", ["default": 0, "min": 0, "max": .uint(UInt64.max)]],
                        "steps": ["INT", ["default": 20, "min": 1, "max": 10000]],
                        "cfg": ["FLOAT", ["default": 8.0, "min": 0.0, "max": 100.0, "step": 0.1]],
                        "sampler_name": [files(samplers)],
                        "scheduler": ["COMBO", ["options": ["normal", "karras", "simple"]]],
                        "positive": ["CONDITIONING"], "negative": ["CONDITIONING"], "latent_image": ["LATENT"],
                        "denoise": ["FLOAT", ["default": 1.0, "min": 0.0, "max": 1.0, "step": 0.01]],
                    ]
                ],
                "output": ["LATENT"],
            ],
            "VAEDecode": ["input": ["required": ["samples": ["LATENT"], "vae": ["VAE"]]], "output": ["IMAGE"]],
            "VAEEncode": ["input": ["required": ["pixels": ["IMAGE"], "vae": ["VAE"]]], "output": ["LATENT"]],
            "LoadImage": [
                "input": ["required": ["image": [files(inputImages), ["image_upload": true]]]],
                "output": ["IMAGE", "MASK"],
            ],
            "SaveImage": [
                "input": [
                    "required": ["images": ["IMAGE"], "filename_prefix": ["STRING", ["default": "ComfyUI"]]],
                    "hidden": ["prompt": "PROMPT"],
                ],
                "output": [], "output_node": true,
            ],
        ]
        if withLoraLoader {
            classes["LoraLoader"] = [
                "input": [
                    "required": [
                        "model": ["MODEL"], "clip": ["CLIP"], "lora_name": [files(loras)],
                        "strength_model": ["FLOAT", ["default": 1.0, "min": -100.0, "max": 100.0]],
                        "strength_clip": ["FLOAT", ["default": 1.0, "min": -100.0, "max": 100.0]],
                    ]
                ],
                "output": ["MODEL", "CLIP"],
            ]
        }
        return try ObjectInfo(json: .object(classes))
    }
}
