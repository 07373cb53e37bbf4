import Foundation
import Testing

@testable import ComfyUI

@Suite struct WorkflowImporterTests {
    @Test("A raw SD1.5 export becomes a template that binds back to the export with its defaults")
    func importRoundTrips() throws {
        let text = try WorkflowImporter().templateText(
            from: WorkflowFixtures.sd15Export.encoded(),
            fileName: "default.json"
        )
        let template = try WorkflowTemplate(data: Data(text.utf8), fileName: "default.json")
        #expect(
            template.parameters.map(\.name) == [
                "cfg", "checkpoint", "filename_prefix", "height", "negative_prompt", "prompt", "sampler", "scheduler",
                "seed", "steps", "width",
            ]
        )
        #expect(template.parameter(named: "negative_prompt")?.defaultValue == "text, watermark")
        #expect(template.parameter(named: "seed")?.maximum == .uint(UInt64.max))
        #expect(template.parameter(named: "filename_prefix")?.defaultValue == "dgx-pixels")
        #expect(template.nodes["3"]?["inputs"]?["seed"] == "{{seed}}")
        #expect(template.nodes["6"]?["inputs"]?["text"] == "{{prompt}}")
        #expect(template.nodes["7"]?["inputs"]?["text"] == "{{negative_prompt}}")
        #expect(template.nodes["3"]?["inputs"]?["denoise"] == .int(1))

        // The export as ComfyUI reads it (8.0 parses as 8), with the importer's filename prefix.
        var expected = try #require(JSONValue(parsing: WorkflowFixtures.sd15Export.encoded()).objectValue)
        expected["9"] = ["class_type": "SaveImage", "inputs": ["filename_prefix": "dgx-pixels", "images": ["8", 0]]]
        #expect(try template.bind([:]) == .object(expected))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\n  \"3\" : {"))
    }

    @Test("An img2img export gets init_image on the LoadImage feeding the latent and the KSampler's denoise")
    func importsImg2Img() throws {
        var export = try #require(WorkflowFixtures.sd15Export.objectValue)
        export["5"] = nil
        export["3"] = export["3"]?.setting(["inputs", "latent_image"], to: ["11", 0]).setting(
            ["inputs", "denoise"],
            to: 0.6
        )
        export["10"] = ["class_type": "LoadImage", "inputs": ["image": "knight-0.png"]]
        export["11"] = ["class_type": "VAEEncode", "inputs": ["pixels": ["10", 0], "vae": ["4", 2]]]
        // A ControlNet's image reaches the sampler through conditioning: it is not the starting image.
        export["12"] = ["class_type": "LoadImage", "inputs": ["image": "pose.png"]]
        export["13"] = [
            "class_type": "ControlNetApply",
            "inputs": ["conditioning": ["6", 0], "control_net": ["14", 0], "image": ["12", 0], "strength": 1.0],
        ]
        export["14"] = ["class_type": "ControlNetLoader", "inputs": ["control_net_name": "openpose.safetensors"]]
        export["3"] = export["3"]?.setting(["inputs", "positive"], to: ["13", 0])
        let template = try WorkflowImporter().template(from: .object(export), fileName: "frames.json")
        let loaded = try WorkflowTemplate(json: template, fileName: "frames.json")
        #expect(loaded.nodes["10"]?["inputs"]?["image"] == "{{init_image}}")
        #expect(loaded.nodes["12"]?["inputs"]?["image"] == "pose.png")
        #expect(loaded.nodes["3"]?["inputs"]?["denoise"] == "{{denoise}}")
        #expect(
            loaded.parameter(named: "init_image")
                == .init(
                    name: "init_image",
                    kind: .string,
                    defaultValue: "knight-0.png",
                    summary: WorkflowTemplate.StandardParameter.initImage.summary
                )
        )
        #expect(loaded.parameter(named: "denoise")?.defaultValue == 0.6)
        #expect(loaded.parameter(named: "denoise")?.rangeText == "0…1")
        #expect(!loaded.declares(.width) && !loaded.declares(.height))
        #expect(try loaded.bind([:])["10"] == ["class_type": "LoadImage", "inputs": ["image": "knight-0.png"]])
    }

    @Test("LoRA chains and KSamplerAdvanced get their placeholders; unequal strengths keep strength_clip")
    func importsLoraChainAndAdvancedSampler() throws {
        var export = try #require(WorkflowFixtures.sd15Export.objectValue)
        export["3"] = [
            "class_type": "KSamplerAdvanced",
            "inputs": [
                "add_noise": "enable", "noise_seed": 7, "steps": 30, "cfg": 6.5, "sampler_name": "euler",
                "scheduler": "karras", "start_at_step": 0, "end_at_step": 10000,
                "return_with_leftover_noise": "disable",
                "model": ["10", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0],
            ],
        ]
        export["10"] = [
            "class_type": "LoraLoader",
            "inputs": [
                "model": ["4", 0], "clip": ["4", 1], "lora_name": "pixel.safetensors", "strength_model": 0.8,
                "strength_clip": 1.0,
            ],
        ]
        let json = try WorkflowImporter().template(from: .object(export), fileName: "lora.json")
        let template = try WorkflowTemplate(json: json, fileName: "lora.json")
        #expect(template.declares(.lora))
        #expect(template.parameter(named: "lora_strength")?.defaultValue == .double(0.8))
        #expect(template.nodes["10"]?["inputs"]?["strength_clip"]?.doubleValue == 1)
        #expect(template.nodes["3"]?["inputs"]?["noise_seed"] == "{{seed}}")
        #expect(template.parameter(named: "seed")?.defaultValue == .int(7))
        #expect(template.nodes["4"]?["inputs"]?["ckpt_name"] == "{{checkpoint}}")
    }

    @Test("Importing a template again is refused, and so is an export with no sampler or no positive prompt")
    func refusals() throws {
        let importer = WorkflowImporter()
        let template = try importer.template(from: WorkflowFixtures.sd15Export, fileName: "once.json")
        let again = #expect(throws: WorkflowError.self) { try importer.template(from: template, fileName: "once.json") }
        #expect(again == .alreadyTemplate(file: "once.json"))
        #expect(again?.description.contains("already a template") == true)

        var noSampler = try #require(WorkflowFixtures.sd15Export.objectValue)
        noSampler["3"] = nil
        noSampler["8"] = ["class_type": "VAEDecode", "inputs": ["samples": ["5", 0], "vae": ["4", 2]]]
        let missing = #expect(throws: WorkflowError.self) {
            try importer.template(from: .object(noSampler), fileName: "x.json")
        }
        #expect(missing == .cannotImport(file: "x.json", reason: "it has no KSampler (or KSamplerAdvanced) node"))

        var noPositive = try #require(WorkflowFixtures.sd15Export.objectValue)
        noPositive["6"] = ["class_type": "ConditioningZeroOut", "inputs": ["conditioning": ["7", 0]]]
        noPositive["7"] = ["class_type": "ConditioningZeroOut", "inputs": [:]]
        let positive = #expect(throws: WorkflowError.self) {
            try importer.template(from: .object(noPositive), fileName: "x.json")
        }
        #expect(
            positive == .cannotImport(file: "x.json", reason: "no CLIPTextEncode feeds the positive input of node 3")
        )
    }
}
