import ComfyUI
import ComfyUIStandIn
import Foundation
import PixelArt
import Testing

@testable import SpriteEngine

@Suite("ComfyUI generator against the stand-in")
struct ComfyUIGeneratorTests {
    @Test(
        "A painted image becomes a valid sprite of the requested size and palette; the result names engine and backend"
    )
    func paintsASprite() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let harness = try ComfyUIHarness(backends: [standIn])
        let engine = harness.engine()
        let progress = ProgressLog()
        let record = try await engine.run(
            [harness.request("green slime", configure: { $0[.palette] = .text("pico-8") })],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: progress.reporter
        )
        let sprite = try #require(record.items.first?.sprite, "\(record)")
        #expect(sprite.engine == "comfyui")
        #expect(sprite.backend == harness.configuration.comfyUI.backends[0].url)
        #expect(sprite.promptID != nil)
        #expect(sprite.timings.postprocessMS != nil)
        let image = try PNGCodec.decode(try Data(contentsOf: URL(fileURLWithPath: sprite.path)))
        #expect(image.width == 32 && image.height == 32)
        let pico = Set(try #require(Palette.named("pico-8")).colors)
        let pixels = (0..<image.height).flatMap { y in (0..<image.width).map { x in image[x, y] } }
        #expect(pixels.filter { $0.a > 0 }.allSatisfy { pico.contains($0) })
        #expect(pixels.allSatisfy { $0.a == 0 || $0.a == 255 })
        #expect(pixels.contains { $0.a == 0 } && pixels.contains { $0.a == 255 })

        // The graph sent carries the style's wording, the seed, the generation size and the template's checkpoint.
        let graph = try JSONValue(parsing: try #require(standIn.submittedPrompts.first).graphJSON)
        #expect(graph["6"]?["inputs"]?["text"]?.stringValue?.contains("green slime") == true)
        #expect(graph["3"]?["inputs"]?["seed"]?.intValue == 7)
        #expect(graph["5"]?["inputs"]?["width"]?.intValue == 128)
        #expect(graph["4"]?["inputs"]?["ckpt_name"]?.stringValue == "v1-5-pruned-emaonly.safetensors")

        let messages = progress.messages
        #expect(messages.contains("step 1/4") && messages.contains("step 4/4"))
        #expect(messages.contains("fetching image") && messages.contains("post-processing"))
        let values = progress.all.map(\.progress)
        #expect(values == values.sorted(), "progress never goes back: \(values)")
        await engine.shutdown()
    }

    @Test("steps, cfg, sampler, scheduler and the generation size reach the submitted graph")
    func knobsAreApplied() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let harness = try ComfyUIHarness(backends: [standIn])
        let engine = harness.engine()
        let request = try harness.request("blue gem") { draft in
            draft[.steps] = .int(6)
            draft[.cfg] = .number(4.5)
            draft[.sampler] = .text("euler_ancestral")
            draft[.scheduler] = .text("karras")
            draft[.generationSize] = .text("192x128")
            draft[.negativePrompt] = .text("no text")
        }
        let record = try await engine.run([request], kind: "sprite", concurrency: 1, waitSeconds: 120, progress: .none)
        #expect(record.status == .succeeded, "\(record)")
        let graph = try JSONValue(parsing: try #require(standIn.submittedPrompts.first).graphJSON)
        let sampler = try #require(graph["3"]?["inputs"])
        #expect(sampler["steps"] == .int(6))
        #expect(sampler["cfg"] == .double(4.5))
        #expect(sampler["sampler_name"] == "euler_ancestral")
        #expect(sampler["scheduler"] == "karras")
        #expect(graph["5"]?["inputs"]?["width"] == .int(192))
        #expect(graph["5"]?["inputs"]?["height"] == .int(128))
        #expect(graph["7"]?["inputs"]?["text"] == "no text")
        await engine.shutdown()
    }

    @Test("A LoRA and checkpoint are applied by the SDXL template; asking sd15 for a LoRA is refused")
    func loraAndCheckpoint() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        standIn.setInstalled(
            checkpoints: ["sd_xl_base_1.0.safetensors", "other-xl.safetensors"],
            loras: ["pixel-art-xl.safetensors", "retro.safetensors"]
        )
        let harness = try ComfyUIHarness(backends: [standIn])
        let engine = harness.engine()
        let request = try harness.request("robot") { draft in
            draft[.workflow] = .text("sdxl-pixel-art")
            draft[.checkpoint] = .text("other-xl.safetensors")
            draft[.lora] = .text("retro.safetensors")
            draft[.loraStrength] = .number(0.6)
        }
        let record = try await engine.run([request], kind: "sprite", concurrency: 1, waitSeconds: 120, progress: .none)
        #expect(record.status == .succeeded, "\(record)")
        let graph = try JSONValue(parsing: try #require(standIn.submittedPrompts.first).graphJSON)
        #expect(graph["4"]?["inputs"]?["ckpt_name"] == "other-xl.safetensors")
        #expect(graph["10"]?["inputs"]?["lora_name"] == "retro.safetensors")
        #expect(graph["10"]?["inputs"]?["strength_model"] == .double(0.6))

        let refused = try await engine.run(
            [harness.request("robot") { $0[.lora] = .text("retro.safetensors") }],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        let error = try #require(refused.items.first?.error)
        #expect(error.contains("'sd15-pixel-art' has no 'lora' parameter"), "\(error)")
        await engine.shutdown()
    }

    @Test("A checkpoint that is not installed is named before anything is submitted")
    func missingCheckpoint() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let harness = try ComfyUIHarness(backends: [standIn])
        let engine = harness.engine()
        let record = try await engine.run(
            [harness.request("tree") { $0[.checkpoint] = .text("missing.safetensors") }],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        let error = try #require(record.items.first?.error)
        let backend = harness.configuration.comfyUI.backends[0].url
        #expect(
            error.contains(
                "checkpoint 'missing.safetensors' is not installed on \(backend); installed: "
                    + "sd_xl_base_1.0.safetensors, v1-5-pruned-emaonly.safetensors"
            ),
            "\(error)"
        )
        #expect(standIn.submittedPrompts.isEmpty)
        await engine.shutdown()
    }

    @Test("A LoRA that is not installed is named, with the installed ones, before anything is submitted")
    func missingLora() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let harness = try ComfyUIHarness(backends: [standIn])
        let engine = harness.engine()
        let record = try await engine.run(
            [
                harness.request("tree") {
                    $0[.workflow] = .text("sdxl-pixel-art")
                    $0[.lora] = .text("nope.safetensors")
                }
            ],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        let error = try #require(record.items.first?.error)
        #expect(error.contains("LoRA 'nope.safetensors' is not installed on"), "\(error)")
        #expect(error.contains("installed: pixel-art-xl.safetensors"), "\(error)")
        #expect(standIn.submittedPrompts.isEmpty)
        await engine.shutdown()
    }

    @Test("A node failing at run time fails the item with ComfyUI's message and keeps the others")
    func runtimeFailure() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        standIn.onPrompt(containing: "cursed", .failing(at: "VAEDecode", message: "CUDA out of memory"))
        let harness = try ComfyUIHarness(backends: [standIn])
        let engine = harness.engine()
        let record = try await engine.run(
            [try harness.request("cursed sword"), try harness.request("plain shield")],
            kind: "batch",
            concurrency: 2,
            waitSeconds: 120,
            progress: .none
        )
        #expect(record.status == .partial)
        let error = try #require(record.items.first?.error)
        #expect(error.contains("node 8 (VAEDecode)") && error.contains("CUDA out of memory"), "\(error)")
        #expect(record.items.last?.sprite != nil)
        await engine.shutdown()
    }

    @Test("Items spread over two backends, and each backend runs at most its slots plus over-queue at once")
    func twoBackends() async throws {
        let first = try await ComfyUIStandIn.start(
            .init(defaultBehaviour: Behaviour(steps: 3, stepDelay: .milliseconds(15)))
        )
        let second = try await ComfyUIStandIn.start(
            .init(defaultBehaviour: Behaviour(steps: 3, stepDelay: .milliseconds(15)))
        )
        defer {
            Task {
                await first.shutdown()
                await second.shutdown()
            }
        }
        let harness = try ComfyUIHarness(backends: [first, second])
        let engine = harness.engine()
        let requests = try (0..<8).map { try harness.request("coin \($0)", seed: $0) }
        let record = try await engine.run(requests, kind: "batch", concurrency: 8, waitSeconds: 60, progress: .none)
        #expect(record.status == .succeeded, "\(record)")
        #expect(first.submittedPrompts.count + second.submittedPrompts.count == 8)
        #expect(first.submittedPrompts.count >= 2 && second.submittedPrompts.count >= 2)
        let backends = Set(record.items.compactMap(\.sprite?.backend))
        #expect(backends.count == 2)
        await engine.shutdown()
    }

    @Test("A backend that dies mid-job has its prompt resubmitted to another; nothing is lost")
    func failover() async throws {
        let dying = try await ComfyUIStandIn.start(.init(defaultBehaviour: .hanging))
        let healthy = try await ComfyUIStandIn.start()
        defer { Task { await healthy.shutdown() } }
        let harness = try ComfyUIHarness(backends: [dying, healthy])
        let engine = harness.engine()
        let job = await engine.start([try harness.request("phoenix")], kind: "sprite", concurrency: 1, progress: .none)
        while dying.runningPromptID == nil { try await Task.sleep(for: .milliseconds(10)) }
        await dying.shutdown()
        let record = try await engine.wait(for: job, upTo: 30)
        let sprite = try #require(record.items.first?.sprite, "\(record)")
        #expect(sprite.backend == harness.configuration.comfyUI.backends[1].url)
        #expect(healthy.submittedPrompts.count == 1)
        await engine.shutdown()
    }

    @Test("engine auto uses the procedural engine when no backend answers; engine comfyui says why it failed")
    func noBackend() async throws {
        let gone = try await ComfyUIStandIn.start()
        await gone.shutdown()
        let auto = try ComfyUIHarness(backends: [gone], engine: .auto)
        let record = try await auto.engine().run(
            [try auto.request("cat")],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        #expect(record.items.first?.sprite?.engine == "procedural")

        let strict = try ComfyUIHarness(backends: [gone], engine: .comfyui)
        let failed = try await strict.engine().run(
            [try strict.request("cat")],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        let error = try #require(failed.items.first?.error)
        #expect(error.contains("ComfyUI is not reachable at"), "\(error)")
    }

    @Test("engine auto uses ComfyUI when a backend answers")
    func autoPrefersComfyUI() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let harness = try ComfyUIHarness(backends: [standIn], engine: .auto)
        let engine = harness.engine()
        let record = try await engine.run(
            [try harness.request("cat")],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        #expect(record.items.first?.sprite?.engine == "comfyui")
        await engine.shutdown()
    }

    @Test("Cancelling a job interrupts its running prompt and dequeues its pending one")
    func cancelJob() async throws {
        let standIn = try await ComfyUIStandIn.start(.init(defaultBehaviour: .hanging))
        defer { Task { await standIn.shutdown() } }
        let harness = try ComfyUIHarness(backends: [standIn])
        let engine = harness.engine()
        let job = await engine.start(
            [try harness.request("a"), try harness.request("b")],
            kind: "batch",
            concurrency: 2,
            progress: .none
        )
        while standIn.submittedPrompts.count < 2 || standIn.runningPromptID == nil {
            try await Task.sleep(for: .milliseconds(10))
        }
        let running = try #require(standIn.runningPromptID)
        let pending = try #require(standIn.submittedPrompts.map(\.id).first { $0 != running })
        await engine.cancel(job)
        let record = try await engine.wait(for: job, upTo: 10)
        #expect(record.status == .cancelled)
        #expect(standIn.interruptRequests.contains(running))
        #expect(standIn.deleteRequests.contains([pending]))
        #expect(standIn.pendingPromptIDs.isEmpty)
        await engine.shutdown()
    }

    @Test("A repeated request with the same seed is served from the cache without a new prompt; a new knob is not")
    func cacheSkipsComfyUI() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let harness = try ComfyUIHarness(backends: [standIn])
        let engine = harness.engine()
        func make(_ configure: (inout SpriteDraft) -> Void = { _ in }) async throws -> SpriteResult? {
            let record = try await engine.run(
                [try harness.request("torch", configure: configure)],
                kind: "sprite",
                concurrency: 1,
                waitSeconds: 120,
                progress: .none
            )
            return record.items.first?.sprite
        }
        let first = try #require(try await make())
        let second = try #require(try await make())
        #expect(second.cached == true && second.contentHash == first.contentHash)
        #expect(standIn.submittedPrompts.count == 1)
        let other = try #require(try await make { $0[.steps] = .int(8) })
        #expect(other.cached == nil)
        #expect(standIn.submittedPrompts.count == 2)
        await engine.shutdown()
    }
}

@Suite("ComfyUI animation sheets against the stand-in")
struct ComfyUISheetTests {
    @Test(
        "A 4-direction walk: the key frame from text, every other frame img2img from an uploaded start at one seed, spread over both backends, one palette, right mirrored from left"
    )
    func walkSheet() async throws {
        let first = try await ComfyUIStandIn.start()
        let second = try await ComfyUIStandIn.start()
        defer {
            Task {
                await first.shutdown()
                await second.shutdown()
            }
        }
        let harness = try ComfyUIHarness(backends: [first, second])
        let engine = harness.engine()
        let progress = ProgressLog()
        let request = try harness.request("knight", seed: 9) { draft in
            draft[.animation] = .text("walk")
            draft[.frames] = .int(4)
            draft[.directions] = .int(4)
        }
        let record = try await engine.run(
            [request],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 60,
            progress: progress.reporter
        )
        let sprite = try #require(record.items.first?.sprite, "\(record)")
        let sheet = try #require(sprite.sheet)
        #expect(sheet.columns == 4 && sheet.rows == 4 && sheet.frameWidth == 32 && sheet.frameHeight == 32)
        #expect(sheet.clips.map(\.name) == ["walk_down", "walk_left", "walk_right", "walk_up"])

        // down, left and up are painted (4 frames each); right is left mirrored.
        let graphs = try (first.submittedPrompts + second.submittedPrompts).map { try JSONValue(parsing: $0.graphJSON) }
        #expect(graphs.count == 12)
        #expect(!first.submittedPrompts.isEmpty && !second.submittedPrompts.isEmpty, "frames spread over the backends")
        let img2img = graphs.filter { graph in graph["10"]?["class_type"] == "LoadImage" }
        #expect(img2img.count == 11)
        #expect(graphs.allSatisfy { $0["3"]?["inputs"]?["seed"]?.intValue == 9 })
        let strengths = img2img.compactMap { $0["3"]?["inputs"]?["denoise"]?.doubleValue }.sorted()
        #expect(strengths == Array(repeating: 0.55, count: 9) + [0.75, 0.75])
        let prompts = graphs.compactMap { $0["6"]?["inputs"]?["text"]?.stringValue }
        #expect(
            prompts.filter { $0.contains("back view") }.count == 4
                && prompts.filter { $0.contains("facing left") }.count == 4
        )
        #expect(prompts.contains { $0.contains("right foot forward") })
        #expect(first.requestCount(path: "/upload/image") + second.requestCount(path: "/upload/image") == 11)

        let image = try PNGCodec.decode(try Data(contentsOf: URL(fileURLWithPath: sprite.path)))
        #expect(image.width == 128 && image.height == 128)
        func frame(_ column: Int, _ row: Int) -> RGBAImage {
            image.cropped(x: column * 32, y: row * 32, width: 32, height: 32)
        }
        let key = frame(0, 0).distinctColors
        for row in 0..<4 {
            for column in 0..<4 {
                #expect(
                    frame(column, row).distinctColors.isSubset(of: key),
                    "frame \(column) of row \(row) leaves the key frame's palette"
                )
            }
        }
        for column in 0..<4 {
            let (left, right) = (frame(column, 1), frame(column, 2))
            #expect((0..<32).allSatisfy { y in (0..<32).allSatisfy { x in left[x, y] == right[31 - x, y] } })
        }
        let values = progress.all.map(\.progress)
        #expect(values == values.sorted(), "progress never goes back: \(values)")
        await engine.shutdown()
    }

    @Test("A workflow without an img2img companion is refused naming animation and the companion it needs")
    func noCompanion() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let harness = try ComfyUIHarness(backends: [standIn])
        let engine = harness.engine()
        let request = try harness.request("knight") { draft in
            draft[.animation] = .text("idle")
            draft[.workflow] = .text("sd15-pixel-art-img2img")
        }
        let record = try await engine.run([request], kind: "sprite", concurrency: 1, waitSeconds: 120, progress: .none)
        #expect(record.items.first?.error?.contains("sd15-pixel-art-img2img-img2img") == true, "\(record)")
        await engine.shutdown()
    }
}
