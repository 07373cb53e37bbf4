import ComfyUI
import ComfyUIStandIn
import Foundation
import PixelArt
import Testing

/// The stand-in's `POST /upload/image` and `LoadImage`, checked against answers recorded from ComfyUI 0.3.64.
@Suite("ComfyUIStandIn uploads and LoadImage")
struct ImageUploadTests {
    static func file(_ filename: String, _ data: Data) -> (String, Data) {
        ("Content-Disposition: form-data; name=\"image\"; filename=\"\(filename)\"\r\nContent-Type: image/png", data)
    }

    static func field(_ name: String, _ value: String) -> (String, Data) {
        ("Content-Disposition: form-data; name=\"\(name)\"", Data(value.utf8))
    }

    @Test("Equal bytes keep the name, different bytes get 'name (N).ext', overwrite replaces; answers as recorded")
    func nameClashes() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            let red = try TestGraphs.png(RGBA(200, 40, 40))
            let green = try TestGraphs.png(RGBA(40, 200, 40))
            let blue = try TestGraphs.png(RGBA(40, 40, 200))
            func upload(_ data: Data, _ fields: [(String, Data)] = []) async throws -> String {
                let answer = try await http.upload([Self.file("up.png", data)] + fields)
                #expect(answer.status == 200)
                #expect(answer.headers["content-type"] == "application/json; charset=utf-8")
                return answer.text
            }
            #expect(try await upload(red) == #"{"name": "up.png", "subfolder": "", "type": "input"}"#)
            #expect(try await upload(red) == #"{"name": "up.png", "subfolder": "", "type": "input"}"#)
            #expect(try await upload(green) == #"{"name": "up (1).png", "subfolder": "", "type": "input"}"#)
            #expect(try await upload(green) == #"{"name": "up (1).png", "subfolder": "", "type": "input"}"#)
            #expect(try await upload(blue) == #"{"name": "up (2).png", "subfolder": "", "type": "input"}"#)
            let overwritten = try await upload(blue, [Self.field("overwrite", "true")])
            #expect(overwritten == #"{"name": "up.png", "subfolder": "", "type": "input"}"#)
            #expect(try await http.get("/view?filename=up.png&type=input&subfolder=").body == blue)
            #expect(try await upload(red, [Self.field("overwrite", "1")]).contains(#""name": "up.png""#))
            #expect(try await upload(green, [Self.field("overwrite", "True")]).contains(#""name": "up (1).png""#))

            let nested = try await http.upload([Self.field("subfolder", "dgx/frames"), Self.file("up.png", red)])
            #expect(nested.text == #"{"name": "up.png", "subfolder": "dgx/frames", "type": "input"}"#)
            #expect(try await http.get("/view?filename=up.png&type=input&subfolder=dgx/frames").body == red)
            let temp = try await http.upload([Self.file("up.png", red), Self.field("type", "temp")])
            #expect(temp.text == #"{"name": "up.png", "subfolder": "", "type": "temp"}"#)
            let api = try await http.upload([Self.file("api.png", red)], path: "/api/upload/image")
            #expect(api.json["name"] == "api.png")
        }
    }

    @Test("Refusals answer ComfyUI's statuses: 400 empty, or 500 with aiohttp's text")
    func refusals() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            let png = try TestGraphs.png(RGBA(1, 2, 3))
            let trouble = "500 Internal Server Error\n\nServer got itself in trouble"
            let cases: [(String, [(String, Data)], Int)] = [
                ("no image part", [Self.field("overwrite", "true")], 400),
                ("image as a plain field", [Self.field("image", "hello")], 500),
                ("filename=\"\" is a plain field", [Self.file("", png)], 500),
                ("an unknown type", [Self.file("a.png", png), Self.field("type", "bogus")], 500),
                ("an empty type", [Self.file("a.png", png), Self.field("type", "")], 500),
                ("a name leaving input/", [Self.file("../../evil.png", png)], 400),
                ("a subfolder leaving input/", [Self.file("a.png", png), Self.field("subfolder", "../escape")], 400),
                ("an absolute subfolder", [Self.file("a.png", png), Self.field("subfolder", "/abs")], 400),
                ("a name into a missing folder", [Self.file("sub/dir.png", png)], 500),
            ]
            for (what, parts, status) in cases {
                let answer = try await http.upload(parts)
                #expect(answer.status == status, "\(what)")
                #expect(answer.text == (status == 500 ? trouble : ""), "\(what)")
            }
            let json = try await http.post("/upload/image", json: ["image": "x"])
            #expect(json.status == 400 && json.body.isEmpty)
            #expect(try await http.get("/upload/image").status == 404)
            // Not checked: any bytes are stored, and a name may reach into a folder that exists.
            #expect(try await http.upload([Self.file("x.png", Data("not a png".utf8))]).status == 200)
            _ = try await http.upload([Self.file("a.png", png), Self.field("subfolder", "dgx")])
            let inner = try await http.upload([Self.file("dgx/inner.png", png)])
            #expect(inner.text == #"{"name": "dgx/inner.png", "subfolder": "", "type": "input"}"#)
        }
    }

    @Test("/object_info/LoadImage lists the image files at the top of input/, sorted, as recorded")
    func loadImageInfo() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            let png = try TestGraphs.png(RGBA(1, 2, 3))
            for name in ["up.png", "b.png", "frame.txt"] { _ = try await http.upload([Self.file(name, png)]) }
            _ = try await http.upload([Self.file("deep.png", png), Self.field("subfolder", "dgx")])
            let info = try await http.get("/object_info/LoadImage").text
            #expect(
                info
                    == #"{"LoadImage": {"input": {"required": {"image": [["b.png", "up.png"], {"image_upload": true}]}}, "#
                    + #""input_order": {"required": ["image"]}, "output": ["IMAGE", "MASK"], "output_is_list": "#
                    + #"[false, false], "output_name": ["IMAGE", "MASK"], "name": "LoadImage", "display_name": "#
                    + #""Load Image", "description": "", "python_module": "nodes", "category": "image", "#
                    + #""output_node": false}}"#
            )
            let encode = try await http.get("/object_info/VAEEncode").json
            #expect(encode["VAEEncode"]?["input"] == ["required": ["pixels": ["IMAGE"], "vae": ["VAE"]]])
            let denoise = try await http.get("/object_info/KSampler").json["KSampler"]?["input"]?["required"]?[
                "denoise"
            ]
            #expect(denoise?[0] == "FLOAT" && denoise?[1]?["default"]?.doubleValue == 1)
            #expect(denoise?[1]?["min"]?.doubleValue == 0 && denoise?[1]?["max"]?.doubleValue == 1)
            #expect(denoise?[1]?["step"]?.doubleValue == 0.01)
        }
    }

    @Test("LoadImage checks that its image exists (subfolders and '[input]' too), with ComfyUI's error")
    func loadImageValidation() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            let png = try TestGraphs.png(RGBA(1, 2, 3))
            _ = try await http.upload([Self.file("up.png", png)])
            _ = try await http.upload([Self.file("frame.png", png), Self.field("subfolder", "dgx")])

            let missing = try await http.post(
                "/prompt",
                json: ["prompt": TestGraphs.img2img(image: "missing-frame.png")]
            )
            #expect(missing.status == 400)
            #expect(
                missing.json == [
                    "error": [
                        "type": "prompt_outputs_failed_validation", "message": "Prompt outputs failed validation",
                        "details": "", "extra_info": [:],
                    ],
                    "node_errors": [
                        "10": [
                            "errors": [
                                [
                                    "type": "custom_validation_failed", "message": "Custom validation failed for node",
                                    "details": "image - Invalid image file: missing-frame.png",
                                    "extra_info": ["input_name": "image"],
                                ]
                            ],
                            "dependent_outputs": ["9"], "class_type": "LoadImage",
                        ]
                    ],
                ]
            )
            for name: JSONValue in ["up.png", "dgx/frame.png", "up.png [input]"] {
                let answer = try await http.post("/prompt", json: ["prompt": TestGraphs.img2img(image: name)])
                #expect(answer.status == 200, "\(name)")
            }

            // A value that is not a string makes LoadImage's check raise; ComfyUI files it under LoadImage with
            // the input of the node that links to it.
            let number = try await http.post("/prompt", json: ["prompt": TestGraphs.img2img(image: 5)])
            let error = try #require(number.json["node_errors"]?["10"]?["errors"]?[0])
            #expect(error["type"] == "exception_during_inner_validation")
            #expect(error["details"] == "'int' object has no attribute 'endswith'")
            #expect(error["extra_info"]?["input_name"] == "pixels")
            #expect(error["extra_info"]?["input_config"] == ["IMAGE", [:]])
            #expect(error["extra_info"]?["exception_type"] == "AttributeError")
            #expect(error["extra_info"]?["linked_node"] == ["10", 0])
        }
    }

    @Test("denoise is FLOAT 0…1: out-of-range and wrong-type answers carry ComfyUI's texts")
    func denoiseBounds() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            _ = try await http.upload([Self.file("up.png", try TestGraphs.png(RGBA(1, 2, 3)))])
            // The answer's text is checked for the converted value: JSON parsing here reads 2.0 back as 2.
            let cases: [(JSONValue, String, String, String)] = [
                (1.5, "value_bigger_than_max", "Value 1.5 bigger than max of 1.0", "1.5"),
                (2, "value_bigger_than_max", "Value 2.0 bigger than max of 1.0", "2.0"),
                (-0.1, "value_smaller_than_min", "Value -0.1 smaller than min of 0.0", "-0.1"),
            ]
            for (value, type, message, received) in cases {
                let answer = try await http.post(
                    "/prompt",
                    json: ["prompt": TestGraphs.img2img(image: "up.png", denoise: value)]
                )
                let error = try #require(answer.json["node_errors"]?["3"]?["errors"]?[0])
                #expect(answer.status == 400)
                #expect(error["type"] == .string(type) && error["message"] == .string(message))
                #expect(error["details"] == "denoise")
                #expect(answer.text.contains(#""received_value": "# + received + "}"))
            }
            let text = try await http.post(
                "/prompt",
                json: ["prompt": TestGraphs.img2img(image: "up.png", denoise: "abc")]
            )
            #expect(
                text.json["node_errors"]?["3"]?["errors"]?[0]?["details"]
                    == "denoise, abc, could not convert string to float: 'abc'"
            )
        }
    }

    @Test("A link to a missing node is filed under the linked node with the linking input, as recorded")
    func missingLinkedNode() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            let answer = try await http.post(
                "/prompt",
                json: ["prompt": TestGraphs.sd15().setting(["8", "inputs", "samples"], to: ["42", 0])]
            )
            let entry = try #require(answer.json["node_errors"]?["8"])
            #expect(entry["class_type"] == "VAEDecode")
            #expect(entry["errors"]?[0]?["type"] == "exception_during_inner_validation")
            #expect(entry["errors"]?[0]?["details"] == "'42'")
            #expect(entry["errors"]?[0]?["extra_info"]?["input_name"] == "images")
            #expect(entry["errors"]?[0]?["extra_info"]?["linked_node"] == ["8", 0])
        }
    }
}
