import ComfyUI
import ComfyUIStandIn
import Foundation
import PixelArt
import Testing

/// Uploads, `LoadImage`, `denoise` and the img2img templates on a real ComfyUI, side by side with the stand-in.
///
/// Every answer the stand-in imitates is asked of both and compared. Skipped unless `COMFYUI_URL` names a server
/// with at least one checkpoint (a random-weight SD 1.5 one is enough: nothing here looks at the pictures).
@Suite(
    "Real ComfyUI img2img (COMFYUI_URL)",
    .enabled(if: ProcessInfo.processInfo.environment["COMFYUI_URL"] != nil, "set COMFYUI_URL to run")
)
struct RealComfyUIImg2ImgTests {
    let url: URL
    let client: ComfyUIClient
    /// Names unique to this run: the real server keeps every upload.
    let unique = "dgx-test-" + UUID().uuidString.prefix(8).lowercased()

    init() throws {
        url = try #require(ProcessInfo.processInfo.environment["COMFYUI_URL"].flatMap(URL.init(string:)))
        var options = ComfyUIClient.Options()
        options.promptTimeout = .seconds(600)
        client = ComfyUIClient(baseURL: url, options: options, connector: NIOWebSocketConnector())
    }

    private func checkpoint() async throws -> String {
        try #require(try await client.models("checkpoints").first, "no checkpoint installed")
    }

    @Test("POST /upload/image answers the stand-in's statuses and bodies, step for step")
    func uploadsMatch() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let red = try TestGraphs.png(RGBA(200, 40, 40))
        let green = try TestGraphs.png(RGBA(40, 200, 40))
        let blue = try TestGraphs.png(RGBA(40, 40, 200))
        let file = ImageUploadTests.file
        let field = ImageUploadTests.field
        let name = "\(unique).png"
        let steps: [(String, [(String, Data)])] = [
            ("new name", [file(name, red)]),
            ("same bytes again", [file(name, red)]),
            ("different bytes", [file(name, green)]),
            ("those bytes again", [file(name, green)]),
            ("third bytes", [file(name, blue)]),
            ("overwrite=true", [file(name, blue), field("overwrite", "true")]),
            ("overwrite=True", [file(name, green), field("overwrite", "True")]),
            ("subfolder", [field("subfolder", "\(unique)/frames"), file(name, red)]),
            ("unicode name", [file("héros-\(unique) é.png", red)]),
            ("type=temp", [file(name, red), field("type", "temp")]),
            ("type=bogus", [file(name, red), field("type", "bogus")]),
            ("no image", [field("overwrite", "true")]),
            ("image as a field", [field("image", "hello")]),
            ("empty filename", [file("", red)]),
            ("escaping name", [file("../../\(name)", red)]),
            ("escaping subfolder", [file(name, red), field("subfolder", "../\(unique)")]),
            ("name into a missing folder", [file("\(unique)-none/\(name)", red)]),
            ("name into an existing folder", [file("\(unique)/inner.png", red)]),
        ]
        for (what, parts) in steps {
            let real = try await StandInHTTP(base: url).upload(parts)
            let imitation = try await StandInHTTP(standIn).upload(parts)
            #expect(real.status == imitation.status, "\(what)")
            #expect(real.text == imitation.text, "\(what)")
        }
        await client.shutdown()
    }

    @Test("LoadImage, VAEEncode, denoise and link errors: the real /prompt answers equal the stand-in's")
    func validationMatches() async throws {
        let checkpoint = try await checkpoint()
        let standIn = try await ComfyUIStandIn.start(.init(checkpoints: [checkpoint], loras: []))
        defer { Task { await standIn.shutdown() } }
        let png = try TestGraphs.png(RGBA(1, 2, 3))
        let parts = [ImageUploadTests.field("subfolder", unique), ImageUploadTests.file("f0.png", png)]
        _ = try await StandInHTTP(base: url).upload(parts)
        _ = try await StandInHTTP(standIn).upload(parts)
        let image: JSONValue = .string("\(unique)/f0.png")
        func graph(_ image: JSONValue, denoise: JSONValue = 0.5) -> JSONValue {
            TestGraphs.img2img(image: image, denoise: denoise, checkpoint: checkpoint)
        }
        let cases: [(String, JSONValue)] = [
            ("missing image", graph(.string("\(unique)/missing.png"))),
            ("image not a string", graph(5)),
            ("denoise 1.5", graph(image, denoise: 1.5)),
            ("denoise 2", graph(image, denoise: 2)),
            ("denoise -0.1", graph(image, denoise: -0.1)),
            ("denoise abc", graph(image, denoise: "abc")),
            ("VAEEncode without vae", graph(image).setting(["11", "inputs", "vae"], to: nil)),
            ("VAEEncode fed a MASK", graph(image).setting(["11", "inputs", "pixels"], to: ["10", 1])),
            ("link to a missing node", graph(image).setting(["8", "inputs", "samples"], to: ["42", 0])),
        ]
        for (what, prompt) in cases {
            let real = try await StandInHTTP(base: url).post("/prompt", json: ["prompt": prompt])
            let imitation = try await StandInHTTP(standIn).post("/prompt", json: ["prompt": prompt])
            #expect(real.status == 400 && imitation.status == 400, "\(what)")
            #expect(Self.withoutTracebacks(real.json) == Self.withoutTracebacks(imitation.json), "\(what)")
        }
        await client.shutdown()
    }

    @Test("The stand-in's node classes are the real server's, model and image lists aside")
    func objectInfoMatches() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let imitation = try await StandInHTTP(standIn).get("/object_info").json
        let classes = try #require(imitation.objectValue?.keys.sorted())
        #expect(classes.contains("LoadImage") && classes.contains("VAEEncode"))
        for name in classes {
            let real = try await StandInHTTP(base: url).get("/object_info/\(name)").json[name]
            #expect(Self.withoutFileLists(real) == Self.withoutFileLists(imitation[name]), "\(name)")
        }
        await client.shutdown()
    }

    @Test("The first frame painted, uploaded, and the next one painted from it by each img2img template")
    func animationFrames() async throws {
        let checkpoint = try await checkpoint()
        let library = WorkflowLibrary(directories: [WorkflowFixtures.shippedFolder])
        let first = try await client.run(
            try library.template(named: "sd15-pixel-art").bind(
                [
                    "prompt": "pixel art knight, standing", "seed": 11, "checkpoint": .string(checkpoint), "steps": 2,
                    "width": 64, "height": 64, "filename_prefix": "dgx-pixels-test",
                ]
            )
        )
        let frame = try #require(first.images.first).data
        let uploaded = try await client.uploadImage(frame, name: "frame-0.png", subfolder: unique, overwrite: true)
        #expect(uploaded.loadImageName == "\(unique)/frame-0.png")

        let info = try ObjectInfo(json: try await client.objectInfo())
        let loras = try await client.models("loras")
        for name in ["sd15-pixel-art-img2img", "sdxl-pixel-art-img2img", "sdxl-turbo-fast-img2img"] {
            let template = try library.template(named: name)
            var values: [String: JSONValue] = [
                "prompt": "pixel art knight, walking pose", "seed": 11, "checkpoint": .string(checkpoint), "steps": 2,
                "init_image": .string(uploaded.loadImageName), "denoise": 0.5, "filename_prefix": "dgx-pixels-test",
            ]
            if template.declares(.lora), let lora = loras.first { values["lora"] = .string(lora) }
            let problems = try template.problems(against: info, backend: client.backend, values: values)
            guard template.declares(.lora), loras.isEmpty else {
                #expect(problems.isEmpty, "\(name): \(problems.map(\.message))")
                let result = try await client.run(try template.bind(values))
                let image = try PNGCodec.decode(try #require(result.images.first).data)
                #expect(image.width == 64 && image.height == 64, "\(name)")
                continue
            }
            // No LoRA installed here: the LoRA is then the only thing the server lacks, and it says so.
            #expect(problems.map(\.code) == [.loraNotInstalled], "\(name): \(problems.map(\.message))")
            await #expect {
                try await client.run(try template.bind(values))
            } throws: { error in
                guard case .rejected(_, let rejection) = error as? ComfyUIError else { return false }
                return rejection.nodeErrors.count == 1 && rejection.nodeErrors.first?.classType == "LoraLoader"
            }
        }
        await client.shutdown()
    }

    /// `json` without `traceback` members: they carry the server's file paths and line numbers.
    static func withoutTracebacks(_ json: JSONValue) -> JSONValue {
        switch json {
        case .object(let members):
            .object(members.filter { $0.key != "traceback" }.mapValues(withoutTracebacks))
        case .array(let items): .array(items.map(withoutTracebacks))
        default: json
        }
    }

    /// A node class with the lists that depend on the installed files (`ckpt_name`, `lora_name`, `image`) emptied.
    static func withoutFileLists(_ nodeClass: JSONValue?) -> JSONValue? {
        guard var info = nodeClass?.objectValue, var input = info["input"]?.objectValue,
            var required = input["required"]?.objectValue
        else { return nodeClass }
        for name in ["ckpt_name", "lora_name", "image"] {
            guard case .array(var spec)? = required[name], spec.first?.arrayValue != nil else { continue }
            spec[0] = []
            required[name] = .array(spec)
        }
        input["required"] = .object(required)
        info["input"] = .object(input)
        return .object(info)
    }
}
