import Foundation
import Testing

@testable import ComfyUI

@Suite struct WorkflowTemplateTests {
    @Test("The three shipped templates load, with the standard parameters and one SaveImage each")
    func shippedTemplatesLoad() throws {
        let library = WorkflowLibrary(directories: [WorkflowFixtures.shippedFolder])
        #expect(library.loadErrors.isEmpty, "\(library.loadErrors)")
        #expect(library.names == WorkflowFixtures.shippedNames)
        let common = [
            "cfg", "checkpoint", "filename_prefix", "height", "negative_prompt", "prompt", "sampler", "scheduler",
            "seed", "steps", "width",
        ]
        let sdxl = try library.template(named: "sdxl-pixel-art")
        #expect(sdxl.parameters.map(\.name) == (common + ["lora", "lora_strength"]).sorted())
        #expect(sdxl.usedNodeClasses.contains("LoraLoader"))
        #expect(sdxl.outputNodes == ["9"])
        #expect(!sdxl.description.isEmpty)
        for name in ["sd15-pixel-art", "sdxl-turbo-fast"] {
            let template = try library.template(named: name)
            #expect(template.parameters.map(\.name) == common)
            #expect(!template.declares(.lora))
        }
        let graph = try sdxl.bind(["prompt": "a knight"])
        #expect(graph["4"]?["inputs"]?["ckpt_name"] == "sd_xl_base_1.0.safetensors")
        #expect(graph["10"]?["inputs"]?["strength_clip"] == .int(1))
        #expect(graph["5"]?["inputs"]?["width"] == .int(1024))
        let turbo = try library.template(named: "sdxl-turbo-fast").bind(["prompt": "a knight"])
        #expect(turbo["3"]?["inputs"]?["steps"] == .int(4))
        #expect(turbo["3"]?["inputs"]?["sampler_name"] == "euler_ancestral")
    }

    @Test("Bind puts typed values in whole placeholders and text in longer strings")
    func bindReplacesPlaceholders() throws {
        let template = try WorkflowFixtures.load(
            WorkflowFixtures.template(
                nodes: [
                    "5": [
                        "class_type": "EmptyLatentImage",
                        "inputs": ["width": "{{width}}", "height": 64, "batch_size": 1],
                    ],
                    "7": ["class_type": "Note", "inputs": ["text": "cfg {{cfg}}, seed {{seed}}", "cfg": "{{cfg}}"]],
                ],
                parameters: [
                    "width": ["type": "int", "default": 512, "min": 64, "max": 2048],
                    "cfg": ["type": "float", "default": 7.5],
                ]
            )
        )
        let graph = try template.bind(["prompt": "a red slime", "seed": .uint(18_446_744_073_709_551_615)])
        #expect(graph["3"]?["inputs"]?["seed"] == .uint(18_446_744_073_709_551_615))
        #expect(graph["6"]?["inputs"]?["text"] == "pixel art, a red slime, game sprite")
        #expect(graph["5"]?["inputs"]?["width"] == .int(512))
        #expect(graph["7"]?["inputs"]?["cfg"] == .double(7.5))
        #expect(graph["7"]?["inputs"]?["text"] == "cfg 7.5, seed 18446744073709551615")
        #expect(graph["3"]?["inputs"]?["positive"] == ["6", 0])
        #expect(graph["_dgx_pixels"] == nil)
        #expect(!String(decoding: graph.encoded(), as: UTF8.self).contains("{{"))

        let integerForFloat = try template.bind(["prompt": "x", "cfg": 7, "width": 256.0])
        #expect(integerForFloat["7"]?["inputs"]?["cfg"] == .int(7))
        #expect(integerForFloat["5"]?["inputs"]?["width"] == .int(256))
        #expect(try template.bind(["prompt": "x"]).encoded() == template.bind(["prompt": "x"]).encoded())
        #expect(
            throws: WorkflowError.wrongType(
                workflow: "test",
                parameter: "cfg",
                expected: "a number",
                value: "the string \"high\""
            )
        ) {
            try template.bind(["prompt": "x", "cfg": "high"])
        }
        #expect(
            throws: WorkflowError.wrongType(workflow: "test", parameter: "prompt", expected: "a string", value: "null")
        ) {
            try template.bind(["prompt": nil])
        }
    }

    @Test("Bind refuses unknown, missing, mistyped and out-of-range values, naming them")
    func bindErrors() throws {
        let template = try WorkflowFixtures.load(
            WorkflowFixtures.template(
                nodes: ["5": ["class_type": "EmptyLatentImage", "inputs": ["width": "{{width}}"]]],
                parameters: ["width": ["type": "int", "default": 512, "min": 64, "max": 2048]]
            ),
            fileName: "sd15.json"
        )
        #expect(template.name == "sd15")
        let cases: [([String: JSONValue], WorkflowError, String)] = [
            (
                ["prompt": "x", "lora": "a"],
                .unknownParameter(workflow: "sd15", parameter: "lora", known: ["prompt", "seed", "width"]),
                "workflow 'sd15' has no parameter 'lora'; its parameters: prompt, seed, width"
            ),
            (
                [:], .missingValue(workflow: "sd15", parameter: "prompt"),
                "workflow 'sd15' needs a value for 'prompt' (it has no default)"
            ),
            (
                ["prompt": "x", "width": "big"],
                .wrongType(workflow: "sd15", parameter: "width", expected: "an integer", value: "the string \"big\""),
                "parameter 'width' of workflow 'sd15' takes an integer, not the string \"big\""
            ),
            (
                ["prompt": "x", "width": 64.5],
                .wrongType(workflow: "sd15", parameter: "width", expected: "an integer", value: "64.5"),
                "parameter 'width' of workflow 'sd15' takes an integer, not 64.5"
            ),
            (
                ["prompt": 3], .wrongType(workflow: "sd15", parameter: "prompt", expected: "a string", value: "3"),
                "parameter 'prompt' of workflow 'sd15' takes a string, not 3"
            ),
            (
                ["prompt": "x", "width": 4096],
                .valueOutOfRange(workflow: "sd15", parameter: "width", value: "4096", range: "64…2048"),
                "parameter 'width' of workflow 'sd15' is 4096, outside its range 64…2048"
            ),
            (
                ["prompt": "x", "seed": -1],
                .valueOutOfRange(
                    workflow: "sd15",
                    parameter: "seed",
                    value: "-1",
                    range: "0…18446744073709551615"
                ),
                "parameter 'seed' of workflow 'sd15' is -1, outside its range 0…18446744073709551615"
            ),
        ]
        for (values, expected, message) in cases {
            let error = #expect(throws: WorkflowError.self) { try template.bind(values) }
            #expect(error == expected)
            #expect(error?.description == message)
        }
    }

    @Test("Each load error names the file, node and input, in words a user can act on")
    func loadErrors() throws {
        func loadError(_ json: JSONValue) -> WorkflowError? {
            #expect(throws: WorkflowError.self) { try WorkflowFixtures.load(json, fileName: "t.json") }
        }
        var block = WorkflowFixtures.template()
        if case .object(var members) = block {
            members["_dgx_pixels"] = nil
            block = .object(members)
        }
        #expect(loadError(block) == .missingParameterBlock(file: "t.json"))

        let unknown = loadError(
            WorkflowFixtures.template(nodes: [
                "6": ["class_type": "CLIPTextEncode", "inputs": ["text": "{{prompt}} {{foo}}"]]
            ])
        )
        #expect(unknown == .unknownPlaceholder(file: "t.json", placeholder: "foo", nodeID: "6", input: "text"))
        #expect(unknown?.description.hasPrefix("unknown placeholder {{foo}} in node 6 input 'text'") == true)

        let unused = loadError(WorkflowFixtures.template(parameters: ["steps": ["type": "int", "default": 20]]))
        #expect(unused == .unusedParameter(file: "t.json", parameter: "steps"))
        #expect(
            unused?.description.contains("'steps' is declared in workflow t.json but no input uses {{steps}}") == true
        )

        let noSeed = loadError(
            WorkflowFixtures.template(
                nodes: ["3": ["class_type": "KSampler", "inputs": ["seed": 1]]],
                parameters: ["seed": ["type": "int"], "steps": ["type": "int"]]
            )
        )
        #expect(noSeed == .missingStandardParameter(file: "t.json", parameter: "seed"))

        let badType = loadError(WorkflowFixtures.template(parameters: ["seed": ["type": "integer"]]))
        #expect(badType == .invalidParameterType(file: "t.json", parameter: "seed", type: "integer"))
        #expect(badType?.description.contains("use \"string\", \"int\" or \"float\"") == true)

        let outside = loadError(
            WorkflowFixtures.template(parameters: ["seed": ["type": "int", "default": 5, "min": 10, "max": 20]])
        )
        #expect(outside == .defaultOutOfRange(file: "t.json", parameter: "seed", value: "5", range: "10…20"))

        let noClass = loadError(WorkflowFixtures.template(nodes: ["8": ["inputs": ["samples": ["3", 0]]]]))
        #expect(noClass == .missingClassType(file: "t.json", nodeID: "8"))
        #expect(noClass?.description == "node 8 in workflow t.json has no \"class_type\"")

        let dangling = loadError(
            WorkflowFixtures.template(nodes: ["9": ["class_type": "SaveImage", "inputs": ["images": ["42", 0]]]])
        )
        #expect(dangling == .danglingLink(file: "t.json", nodeID: "9", input: "images", target: "42"))
        #expect(
            dangling?.description == "node 9 input 'images' in workflow t.json links to node 42, which does not exist"
        )

        let noOutput = loadError(
            WorkflowFixtures.template(nodes: ["9": ["class_type": "VAEDecode", "inputs": ["samples": ["3", 0]]]])
        )
        #expect(noOutput == .noOutputNode(file: "t.json"))
        #expect(
            loadError(["3": "KSampler", "_dgx_pixels": ["parameters": [:]]])
                == .invalidNode(
                    file: "t.json",
                    nodeID: "3",
                    reason: "a node must be an object with \"class_type\" and \"inputs\""
                )
        )
    }

    @Test("Invalid JSON is a load error naming the file")
    func invalidJSON() throws {
        let error = #expect(throws: WorkflowError.self) {
            try WorkflowTemplate(data: Data("{\"3\": ".utf8), fileName: "broken.json")
        }
        guard case .invalidJSON(let file, _) = error else {
            Issue.record("expected invalidJSON, got \(String(describing: error))")
            return
        }
        #expect(file == "broken.json")
        #expect(error?.description.hasPrefix("workflow broken.json is not valid JSON: ") == true)
    }

    @Test("Each img2img template is its still template with LoadImage → VAEEncode for the latent and {{denoise}}")
    func img2imgTemplates() throws {
        let library = WorkflowLibrary(directories: [WorkflowFixtures.shippedFolder])
        let info = try WorkflowFixtures.objectInfo(
            checkpoints: [
                "sd_xl_base_1.0.safetensors", "sd_xl_turbo_1.0_fp16.safetensors", "v1-5-pruned-emaonly.safetensors",
            ]
        )
        for name in ["sd15-pixel-art", "sdxl-pixel-art", "sdxl-turbo-fast"] {
            let still = try library.template(named: name)
            let frames = try library.template(named: name + "-img2img")
            let expected =
                still.parameters.map(\.name).filter { $0 != "width" && $0 != "height" } + ["denoise", "init_image"]
            #expect(frames.parameters.map(\.name) == expected.sorted())
            #expect(
                frames.parameter(named: "denoise")
                    == WorkflowTemplate.StandardParameter.denoise.declaration(defaultValue: 0.55)
            )
            #expect(
                frames.parameter(named: "init_image")
                    == WorkflowTemplate.StandardParameter.initImage.declaration(defaultValue: nil)
            )
            #expect(throws: WorkflowError.missingValue(workflow: frames.name, parameter: "init_image")) {
                try frames.bind(["prompt": "x"])
            }
            let values: [String: JSONValue] = [
                "prompt": "knight, walking", "seed": 7, "init_image": "dgx/job/f0.png", "denoise": 0.4,
            ]
            let graph = try frames.bind(values)
            let sampler = try #require(graph.objectValue?.values.first { $0["class_type"] == "KSampler" })
            #expect(sampler["inputs"]?["denoise"] == 0.4 && sampler["inputs"]?["seed"] == 7)
            let encoder = try #require(sampler["inputs"]?["latent_image"]?[0]?.stringValue)
            #expect(graph[encoder]?["class_type"] == "VAEEncode")
            let loader = try #require(graph[encoder]?["inputs"]?["pixels"]?[0]?.stringValue)
            #expect(
                graph[loader] == [
                    "class_type": "LoadImage", "inputs": ["image": "dgx/job/f0.png"],
                    "_meta": ["title": "Load Image (starting frame)"],
                ]
            )
            #expect(!frames.usedNodeClasses.contains("EmptyLatentImage"))
            // A file in a subfolder is never in LoadImage's list: the list is not checked, the server checks the file.
            #expect(try frames.problems(against: info, backend: "http://test", values: values) == [])
            #expect(
                try frames.problems(
                    against: info,
                    backend: "http://test",
                    values: values.merging(["denoise": 1]) { $1 }
                ) == []
            )
            #expect(throws: WorkflowError.self) { try frames.bind(values.merging(["denoise": 1.5]) { $1 }) }
        }
    }
}
