import Foundation
import Testing

@testable import ComfyUI

@Suite struct ObjectInfoTests {
    @Test("Reads input kinds and configs from the recorded /object_info format, and merges per-class answers")
    func readsRecordedFormat() throws {
        let recorded = #"""
            {"CheckpointLoaderSimple": {"input": {"required": {"ckpt_name": [["tiny_sd15_random.safetensors"], {"tooltip": "The name of the checkpoint (model) to load."}]}}, "input_order": {"required": ["ckpt_name"]}, "output": ["MODEL", "CLIP", "VAE"], "output_is_list": [false, false, false], "output_name": ["MODEL", "CLIP", "VAE"], "name": "CheckpointLoaderSimple", "display_name": "Load Checkpoint", "python_module": "nodes", "category": "loaders", "output_node": false}}
            """#
        let checkpoint = try ObjectInfo(json: JSONValue(parsing: Data(recorded.utf8)))
        #expect(checkpoint.hasClass("CheckpointLoaderSimple"))
        #expect(
            checkpoint.allowedValues(nodeClass: "CheckpointLoaderSimple", input: "ckpt_name")
                == ["tiny_sd15_random.safetensors"]
        )
        #expect(checkpoint.nodeClasses["CheckpointLoaderSimple"]?.outputs == ["MODEL", "CLIP", "VAE"])
        #expect(try ObjectInfo(json: [:]).nodeClasses.isEmpty)

        let merged = checkpoint.merging(try WorkflowFixtures.objectInfo())
        #expect(
            merged.allowedValues(nodeClass: "CheckpointLoaderSimple", input: "ckpt_name")
                == ["sd_xl_base_1.0.safetensors", "v1-5-pruned-emaonly.safetensors"]
        )
        let width = try #require(merged.nodeClasses["EmptyLatentImage"]?.input(named: "width"))
        #expect(width.kind == .int)
        #expect(width.min == .int(16))
        #expect(width.max == .int(16384))
        #expect(width.step == .int(8))
        #expect(merged.allowedValues(nodeClass: "KSampler", input: "scheduler") == ["normal", "karras", "simple"])
        #expect(merged.nodeClasses["KSampler"]?.input(named: "model")?.kind == .link("MODEL"))
        #expect(merged.nodeClasses["KSampler"]?.input(named: "cfg")?.kind == .float)
        #expect(merged.nodeClasses["SaveImage"]?.isOutputNode == true)
        #expect(merged.allowedValues(nodeClass: "KSampler", input: "steps") == nil)
        #expect(throws: ObjectInfo.FormatError.self) { try ObjectInfo(json: ["KSampler": 3]) }
    }

    @Test("A template passes when everything it needs is installed")
    func passesWhenInstalled() throws {
        let library = WorkflowLibrary(directories: [WorkflowFixtures.shippedFolder])
        let info = try WorkflowFixtures.objectInfo()
        let sdxl = try library.template(named: "sdxl-pixel-art")
        #expect(try sdxl.problems(against: info, backend: "http://gpu:8188", values: ["prompt": "a knight"]) == [])
        let sd15 = try library.template(named: "sd15-pixel-art")
        #expect(
            try sd15.problems(
                against: info,
                backend: "http://gpu:8188",
                values: ["prompt": "a knight", "scheduler": "karras"]
            ) == []
        )
    }

    @Test("Missing checkpoint, LoRA, sampler and node class are reported with the exact message")
    func reportsWhatIsMissing() throws {
        let sdxl = try WorkflowLibrary(directories: [WorkflowFixtures.shippedFolder]).template(named: "sdxl-pixel-art")
        let info = try WorkflowFixtures.objectInfo(
            checkpoints: ["a.safetensors", "b.safetensors"],
            loras: [],
            samplers: ["euler", "dpmpp_2m"]
        )
        let problems = try sdxl.problems(
            against: info,
            backend: "http://gpu:8188",
            values: ["prompt": "a knight", "sampler": "nope", "scheduler": "beta", "width": 2048]
        )
        #expect(
            problems.map(\.code) == [
                .samplerNotAvailable, .schedulerNotAvailable, .checkpointNotInstalled, .loraNotInstalled,
            ]
        )
        #expect(
            problems.map(\.message) == [
                "sampler 'nope' is not available on http://gpu:8188; available: euler, dpmpp_2m",
                "scheduler 'beta' is not available on http://gpu:8188; available: normal, karras, simple",
                "checkpoint 'sd_xl_base_1.0.safetensors' is not installed on http://gpu:8188; installed: a.safetensors, b.safetensors",
                "LoRA 'pixel-art-xl.safetensors' is not installed on http://gpu:8188; installed: none",
            ]
        )
        #expect(problems.map(\.nodeID) == ["3", "3", "4", "10"])
        #expect(problems.map(\.input) == ["sampler_name", "scheduler", "ckpt_name", "lora_name"])
        #expect(
            problems.map(\.code.rawValue) == [
                "sampler_not_available", "scheduler_not_available", "checkpoint_not_installed", "lora_not_installed",
            ]
        )

        let noLoraLoader = try sdxl.problems(
            against: WorkflowFixtures.objectInfo(withLoraLoader: false),
            backend: "http://gpu:8188",
            values: ["prompt": "a knight"]
        )
        #expect(noLoraLoader.map(\.message) == ["node class 'LoraLoader' is not installed on http://gpu:8188"])
        #expect(noLoraLoader.first?.code == .nodeClassNotInstalled)
        #expect(noLoraLoader.first?.nodeID == "10")
    }

    @Test("Numbers outside the server's min/max and missing required inputs are problems")
    func reportsRangesAndMissingInputs() throws {
        let info = try WorkflowFixtures.objectInfo()
        let graph: JSONValue = [
            "5": ["class_type": "EmptyLatentImage", "inputs": ["width": 8, "height": 20000, "batch_size": "two"]],
            "8": ["class_type": "VAEDecode", "inputs": ["samples": ["5", 0]]],
        ]
        let problems = info.problems(in: graph, backend: "http://gpu:8188")
        #expect(
            problems.map(\.code) == [.invalidValueType, .valueAboveMaximum, .valueBelowMinimum, .requiredInputMissing]
        )
        #expect(
            problems[1].message
                == "node 5 (EmptyLatentImage) input 'height' is 20000, above the maximum 16384 on http://gpu:8188"
        )
        #expect(
            problems[2].message
                == "node 5 (EmptyLatentImage) input 'width' is 8, below the minimum 16 on http://gpu:8188"
        )
        #expect(problems[3].message == "node 8 (VAEDecode) lacks the required input 'vae' on http://gpu:8188")
    }
}
