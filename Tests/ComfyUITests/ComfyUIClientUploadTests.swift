import ComfyUI
import ComfyUIStandIn
import Foundation
import PixelArt
import Testing

@Suite("ComfyUIClient.uploadImage and img2img against the stand-in")
struct ComfyUIClientUploadTests {
    @Test("An upload answers where ComfyUI stored it; loadImageName adds the subfolder")
    func upload() async throws {
        try await withStandIn { standIn in
            let client = ComfyUIClient.testing(standIn.url)
            let red = try TestGraphs.png(RGBA(200, 40, 40))
            let top = try await client.uploadImage(red, name: "frame-0.png", overwrite: true)
            #expect(top == UploadedImage(name: "frame-0.png", subfolder: "", type: "input"))
            #expect(top.loadImageName == "frame-0.png")
            let nested = try await client.uploadImage(red, name: "frame-0.png", subfolder: "dgx/job-1", overwrite: true)
            #expect(nested.loadImageName == "dgx/job-1/frame-0.png")
            let view = try await client.view(
                OutputImage(filename: "frame-0.png", subfolder: "dgx/job-1", type: "input")
            )
            #expect(view == red)
            await client.shutdown()
        }
    }

    @Test("Without overwrite, different bytes come back under ComfyUI's new name; with it, the file is replaced")
    func overwrite() async throws {
        try await withStandIn { standIn in
            let client = ComfyUIClient.testing(standIn.url)
            let red = try TestGraphs.png(RGBA(200, 40, 40))
            let green = try TestGraphs.png(RGBA(40, 200, 40))
            _ = try await client.uploadImage(red, name: "f.png", overwrite: false)
            #expect(try await client.uploadImage(red, name: "f.png", overwrite: false).name == "f.png")
            #expect(try await client.uploadImage(green, name: "f.png", overwrite: false).name == "f (1).png")
            #expect(try await client.uploadImage(green, name: "f.png", overwrite: true).name == "f.png")
            #expect(try await client.view(OutputImage(filename: "f.png", type: "input")) == green)
            await client.shutdown()
        }
    }

    @Test("A name or folder ComfyUI would misplace is refused before anything is sent")
    func invalidNames() async throws {
        try await withStandIn { standIn in
            let client = ComfyUIClient.testing(standIn.url)
            let png = try TestGraphs.png(RGBA(1, 2, 3))
            for (name, subfolder) in [
                ("", ""), ("..", ""), ("a/b.png", ""), ("a\nb.png", ""), ("a.png", "../x"),
                ("a.png", "/abs"), ("a.png", "x//y"),
            ] {
                await #expect("\(name) in '\(subfolder)'") {
                    try await client.uploadImage(png, name: name, subfolder: subfolder, overwrite: true)
                } throws: { error in
                    guard case .invalidUpload(_, let refused, _) = error as? ComfyUIError else { return false }
                    return refused == name && !"\(error)".contains("dgx-pixels")
                }
            }
            #expect(standIn.requestCount(path: "/upload/image") == 0)
            await client.shutdown()
        }
    }

    @Test("5xx answers are retried (a repeated upload stores nothing twice); a 400 is not")
    func retries() async throws {
        try await withStandIn { standIn in
            let client = ComfyUIClient.testing(standIn.url)
            let png = try TestGraphs.png(RGBA(1, 2, 3))
            standIn.failNextRequests(path: "/upload/image", count: 2)
            #expect(try await client.uploadImage(png, name: "r.png", overwrite: false).name == "r.png")
            #expect(standIn.requestCount(path: "/upload/image") == 3)
            standIn.failNextRequests(path: "/upload/image", count: 1, status: 400)
            await #expect {
                try await client.uploadImage(png, name: "r.png", overwrite: false)
            } throws: { error in
                guard case .httpStatus(_, "POST /upload/image", 400, _) = error as? ComfyUIError else { return false }
                return true
            }
            #expect(standIn.requestCount(path: "/upload/image") == 4)
            await client.shutdown()
        }
    }

    @Test("img2img paints from the uploaded image: denoise 0 gives it back, 1 the seed's sprite, between a blend")
    func img2img() async throws {
        try await withStandIn { standIn in
            let client = ComfyUIClient.testing(standIn.url)
            let initImage = RGBAImage(width: 64, height: 64, fill: RGBA(200, 40, 40))
            let uploaded = try await client.uploadImage(PNGCodec.encode(initImage), name: "f0.png", overwrite: true)
            func paint(_ denoise: Double, seed: UInt64 = 7) async throws -> RGBAImage {
                let graph = TestGraphs.img2img(
                    image: .string(uploaded.loadImageName),
                    denoise: .double(denoise),
                    seed: seed
                )
                return try PNGCodec.decode(try #require(try await client.run(graph).images.first).data)
            }
            #expect(try await paint(0) == initImage)
            let sprite = try await paint(1)
            let still = try PNGCodec.decode(
                try #require(try await client.run(TestGraphs.sd15(seed: 7)).images.first).data
            )
            #expect(sprite == still)
            let half = try await paint(0.5)
            let corner = still[0, 0]
            #expect(
                half[0, 0]
                    == RGBA(
                        UInt8((200 + Int(corner.r) + 1) / 2),
                        UInt8((40 + Int(corner.g) + 1) / 2),
                        UInt8((40 + Int(corner.b) + 1) / 2)
                    )
            )
            await client.shutdown()
        }
    }

    @Test("The frame is cropped to whole 8-pixel cells like VAEEncode; a changed init file is not served from cache")
    func cropAndCache() async throws {
        try await withStandIn { standIn in
            let client = ComfyUIClient.testing(standIn.url)
            let odd = try TestGraphs.png(width: 60, height: 44, RGBA(10, 20, 30))
            _ = try await client.uploadImage(odd, name: "odd.png", overwrite: true)
            let cropped = try await client.run(TestGraphs.img2img(image: "odd.png"))
            let image = try PNGCodec.decode(try #require(cropped.images.first).data)
            #expect(image.width == 56 && image.height == 40)

            let again = try await client.run(TestGraphs.img2img(image: "odd.png"))
            #expect(again.fullyCached)
            _ = try await client.uploadImage(
                try TestGraphs.png(width: 60, height: 44, RGBA(1, 1, 1)),
                name: "odd.png",
                overwrite: true
            )
            let changed = try await client.run(TestGraphs.img2img(image: "odd.png"))
            #expect(!changed.fullyCached)
            #expect(standIn.executedCount == 2)
            await client.shutdown()
        }
    }

    @Test("A missing init image is rejected at submit; unreadable bytes fail at LoadImage when the prompt runs")
    func failures() async throws {
        try await withStandIn { standIn in
            let client = ComfyUIClient.testing(standIn.url)
            await #expect {
                try await client.run(TestGraphs.img2img(image: "never-uploaded.png"))
            } throws: { error in
                guard case .rejected(_, let rejection) = error as? ComfyUIError else { return false }
                return rejection.nodeErrors.first?.nodeID == "10" && "\(error)".contains("Invalid image file")
            }
            _ = try await client.uploadImage(Data("not a png".utf8), name: "x.png", overwrite: true)
            await #expect {
                try await client.run(TestGraphs.img2img(image: "x.png"))
            } throws: { error in
                guard case .executionFailed(_, _, "10", "LoadImage", let message) = error as? ComfyUIError else {
                    return false
                }
                return message.contains("cannot identify image file")
            }
            await client.shutdown()
        }
    }

    @Test("Each shipped img2img template passes the stand-in's /object_info and paints a frame from the upload")
    func shippedTemplates() async throws {
        let setup = ComfyUIStandIn.Setup(
            checkpoints: [
                "sd_xl_base_1.0.safetensors", "sd_xl_turbo_1.0_fp16.safetensors", "v1-5-pruned-emaonly.safetensors",
            ],
            loras: ["pixel-art-xl.safetensors"]
        )
        try await withStandIn(setup) { standIn in
            let client = ComfyUIClient.testing(standIn.url)
            let frame = RGBAImage(width: 64, height: 64, fill: RGBA(90, 60, 30))
            let uploaded = try await client.uploadImage(
                PNGCodec.encode(frame),
                name: "frame-0.png",
                subfolder: "dgx-pixels/job",
                overwrite: true
            )
            let library = WorkflowLibrary(directories: [WorkflowFixtures.shippedFolder])
            for name in ["sd15-pixel-art-img2img", "sdxl-pixel-art-img2img", "sdxl-turbo-fast-img2img"] {
                let template = try library.template(named: name)
                let values: [String: JSONValue] = [
                    "prompt": "knight, walking pose", "seed": 7, "init_image": .string(uploaded.loadImageName),
                    "denoise": 0,
                ]
                let info = try ObjectInfo(json: try await client.objectInfo(classes: template.usedNodeClasses))
                #expect(info.problems(in: try template.bind(values), backend: client.backend) == [], "\(name)")
                let result = try await client.run(try template.bind(values))
                #expect(try PNGCodec.decode(try #require(result.images.first).data) == frame, "\(name)")
            }
            await client.shutdown()
        }
    }
}
