import ComfyUI
import Foundation
import PixelArt

/// Animation sheets on ComfyUI: one character repainted frame by frame.
///
/// 1. The key frame (facing down, the motion's first pose) is painted from text as a still sprite is.
/// 2. The first frame of every other direction drawn directly (left, up, and for 8 directions down_left and
///    up_left) is img2img from the key frame with that direction's view phrase, at a higher strength so the turn
///    can happen.
/// 3. Every further frame is img2img from its direction's first frame with a pose phrase, the same seed and the
///    request's `denoise`.
/// 4. Each painted frame goes through the pixel-art pipeline; frames after the key are snapped to the key's colours,
///    so the whole sheet shares one palette. Right-facing rows are the left-facing ones mirrored.
///
/// Each img2img prompt uploads its starting image (`POST /upload/image`) to the backend it runs on, so the frames of
/// one sheet spread over every free backend.
extension ComfyUIGenerator {
    /// The least img2img strength that lets a direction's first frame turn away from the key frame.
    static let turnDenoise = 0.75

    func generateSheet(
        _ request: SpriteRequest,
        sheet: SheetRequest,
        seed: UInt64,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws -> GeneratedImage {
        let textTemplate = try template(for: request)
        let imageTemplate = try img2imgTemplate(for: textTemplate)
        let directions = sheet.directions.rows
        let drawn = directions.filter { $0.mirrorOf == nil }
        let total = drawn.count * sheet.frames
        let counter = FrameCounter(total: total, progress: progress)

        // The key frame: text to image, as a still sprite is painted, reporting its own steps.
        let keyRequest = request.phrased(
            SheetPhrases.view(.down),
            SheetPhrases.pose(sheet.animation, frame: 0, of: sheet.frames)
        )
        let keyProgress = ProgressReporter { event in
            await progress.report(event.progress * 0.85 / Double(total), of: 100, event.message)
        }
        let (keyPainted, keyBackend) = try await paintFromText(
            keyRequest,
            seed: seed,
            template: textTemplate,
            progress: keyProgress,
            prompts: prompts
        )
        let key = try await postprocess(keyPainted, backend: keyBackend, request: request, progress: .none)
        await counter.finished()
        // Later frames keep the key frame's colours.
        var snapped = request
        snapped.palette = Palette(
            name: "key frame",
            colors: key.image.distinctColors.filter { $0.a > 0 }.sorted { $0.packed < $1.packed }
        )
        let keyPNG = try Self.painting(keyPainted)

        let painter = FramePainter(
            generator: self,
            template: imageTemplate,
            request: request,
            seed: seed,
            denoise: request.denoise ?? imageTemplate.defaultDenoise,
            prompts: prompts
        )
        // The first frame of each direction drawn directly, turned from the key frame.
        let firsts = try await withThrowingTaskGroup(of: (SpriteDirection, Data).self) { group in
            for direction in drawn where direction != .down {
                group.addTask {
                    let phrased = request.phrased(
                        SheetPhrases.view(direction),
                        SheetPhrases.pose(sheet.animation, frame: 0, of: sheet.frames)
                    )
                    let painted = try await painter.paint(
                        phrased,
                        from: keyPNG,
                        denoise: max(Self.turnDenoise, painter.denoise)
                    )
                    await counter.finished()
                    return (direction, painted)
                }
            }
            var firsts: [SpriteDirection: Data] = [.down: keyPNG]
            for try await (direction, painted) in group { firsts[direction] = painted }
            return firsts
        }
        // Every further frame, from its direction's first, all at once over the backends.
        var paintings = try await withThrowingTaskGroup(of: (SpriteDirection, Int, Data).self) { group in
            for direction in drawn {
                guard let first = firsts[direction] else { continue }
                for frame in 1..<sheet.frames {
                    group.addTask {
                        let phrased = request.phrased(
                            SheetPhrases.view(direction),
                            SheetPhrases.pose(sheet.animation, frame: frame, of: sheet.frames)
                        )
                        let painted = try await painter.paint(phrased, from: first, denoise: painter.denoise)
                        await counter.finished()
                        return (direction, frame, painted)
                    }
                }
            }
            var paintings: [SpriteDirection: [Int: Data]] = [:]
            for try await (direction, frame, painted) in group { paintings[direction, default: [:]][frame] = painted }
            return paintings
        }
        for (direction, first) in firsts where direction != .down { paintings[direction, default: [:]][0] = first }

        await progress.report(88, of: 100, "post-processing \(total) frames")
        var rows: [SpriteDirection: [RGBAImage]] = [:]
        for direction in drawn {
            rows[direction] = try (0..<sheet.frames).map { frame in
                if direction == .down && frame == 0 { return key.image }
                guard let png = paintings[direction]?[frame] else {
                    throw SpriteEngineError.generationFailed(
                        engine: engineName,
                        reason: "frame \(frame) of \(direction.rawValue) was not painted"
                    )
                }
                return try Self.pixelArt(png, request: snapped, size: key.image, maxPixels: maxPixels)
            }
        }
        let layout = AnimationSheetLayout(
            animation: sheet.animation,
            directions: directions,
            frames: sheet.frames,
            fps: sheet.fps,
            width: key.image.width,
            height: key.image.height
        )
        let image = layout.assemble(
            directions.map { direction in
                if let source = direction.mirrorOf { return (rows[source] ?? []).map(\.mirroredHorizontally) }
                return rows[direction] ?? []
            }
        )
        return GeneratedImage(
            image: image,
            engine: engineName,
            backend: keyBackend,
            promptID: keyPainted.promptID,
            postprocessMS: key.postprocessMS,
            sheet: layout
        )
    }

    /// The img2img companion `<name>-img2img` of the text template that paints the key frame.
    func img2imgTemplate(for text: WorkflowTemplate) throws -> WorkflowTemplate {
        let name = text.name + "-img2img"
        guard let template = library.templates[name], template.declares("init_image"), template.declares("denoise")
        else {
            throw SpriteEngineError.invalidArgument(
                field: "animation",
                message: "needs the img2img companion '\(name)' of workflow '\(text.name)' (a template with "
                    + "init_image and denoise) to paint frames after the first; img2img templates: "
                    + library.templates.keys.filter { $0.hasSuffix("-img2img") }.sorted().joined(separator: ", ")
            )
        }
        return template
    }

    /// The painted PNG of a prompt, as ComfyUI saved it.
    static func painting(_ result: PromptResult) throws -> Data {
        guard let painted = result.images.first else {
            throw ComfyUIError.noImages(backend: "", promptID: result.promptID)
        }
        return painted.data
    }

    /// A painted frame as a sprite the size of the key frame, in the key frame's colours.
    static func pixelArt(_ png: Data, request: SpriteRequest, size key: RGBAImage, maxPixels: Int) throws -> RGBAImage {
        let frame: RGBAImage
        do {
            frame = try PixelPipeline(options: request.pipelineOptions).process(
                PNGCodec.decode(png, maxPixels: maxPixels)
            )
        } catch {
            throw SpriteEngineError.image(error)
        }
        guard frame.width == key.width, frame.height == key.height else {
            throw SpriteEngineError.generationFailed(
                engine: "comfyui",
                reason:
                    "a frame came out \(frame.width)x\(frame.height), not the key frame's \(key.width)x\(key.height)"
            )
        }
        return frame
    }
}

/// Paints one img2img frame: uploads the starting image to the backend the prompt runs on, then runs the
/// companion template from it.
private struct FramePainter: Sendable {
    let generator: ComfyUIGenerator
    let template: WorkflowTemplate
    let request: SpriteRequest
    let seed: UInt64
    let denoise: Double
    let prompts: PromptRecorder

    func paint(_ phrased: SpriteRequest, from start: Data, denoise: Double) async throws -> Data {
        var phrased = phrased
        // img2img paints at the starting image's size.
        phrased.knobs[SpriteOption.generationSize.key] = nil
        var values = try WorkflowBinding(request: phrased, seed: seed, template: template).values
        values["denoise"] = .double(denoise)
        let name = "dgx-pixels-" + String(SHA256.hex(start).prefix(16)) + ".png"
        let (painted, _) = try await generator.paintAnywhere(
            template: template,
            checkpoint: values["checkpoint"]?.stringValue,
            progress: .none,
            prompts: prompts
        ) { lease in
            // The same bytes under the same name: a repeated upload replaces the file with itself.
            let uploaded = try await lease.client.uploadImage(start, name: name, overwrite: true)
            var bound = values
            bound["init_image"] = .string(uploaded.loadImageName)
            return try generator.bind(template, bound)
        }
        return try ComfyUIGenerator.painting(painted)
    }
}

/// Counts painted frames into the job's progress (0…85), in order whatever order the frames finish in.
private actor FrameCounter {
    let total: Int
    let progress: ProgressReporter
    var done = 0

    init(total: Int, progress: ProgressReporter) {
        self.total = total
        self.progress = progress
    }

    func finished() async {
        done += 1
        await progress.report(85 * Double(done) / Double(total), of: 100, "painted frame \(done)/\(total)")
    }
}

extension SpriteRequest {
    /// The request with a view and a pose phrase after the caller's prompt.
    func phrased(_ view: String, _ pose: String) -> SpriteRequest {
        var phrased = self
        phrased.prompt = prompt + ", " + view + ", " + pose
        return phrased
    }
}

extension WorkflowTemplate {
    /// The template's own `denoise` default, or ComfyUI's usual img2img strength.
    var defaultDenoise: Double {
        parameters.first { $0.name == "denoise" }?.defaultValue?.doubleValue ?? 0.55
    }
}
