import ComfyUI
import Foundation
import Logging
import PixelArt

/// Paints sprites with ComfyUI: request → workflow template → submit → follow → fetch → pixel-art pipeline.
///
/// A backend fault (unreachable, 5xx, timed out, prompt lost) sends the prompt to another backend, up to
/// `attempts` times; a problem with the workflow itself (rejected, failed at a node) does not, since it would fail
/// the same way anywhere.
package struct ComfyUIGenerator: Generator {
    package var engineName: String { "comfyui" }
    let pool: BackendPool
    let library: WorkflowLibrary
    let defaultWorkflow: String
    let maxPixels: Int
    let logger: Logger

    package init(pool: BackendPool, library: WorkflowLibrary, defaultWorkflow: String, maxPixels: Int, logger: Logger) {
        self.pool = pool
        self.library = library
        self.defaultWorkflow = defaultWorkflow
        self.maxPixels = maxPixels
        self.logger = logger
    }

    package func generate(
        _ request: SpriteRequest,
        seed: UInt64,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws -> GeneratedImage {
        // Tilesets need seams diffusion cannot promise: the procedural painter makes them on every engine.
        if let tileset = TilesetPainter().generate(request, seed: seed) { return tileset }
        if let sheet = request.sheet {
            return try await generateSheet(request, sheet: sheet, seed: seed, progress: progress, prompts: prompts)
        }
        let (painted, backend) = try await paintFromText(
            request,
            seed: seed,
            template: try template(for: request),
            progress: progress,
            prompts: prompts
        )
        return try await postprocess(painted, backend: backend, request: request, progress: progress)
    }

    /// Paints `request` text to image with `template` (a still, or a sheet's key frame) on the first free backend.
    func paintFromText(
        _ request: SpriteRequest,
        seed: UInt64,
        template: WorkflowTemplate,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws -> (PromptResult, backend: String) {
        let values = try WorkflowBinding(request: request, seed: seed, template: template).values
        let graph = try bind(template, values)
        return try await paintAnywhere(
            template: template,
            checkpoint: values["checkpoint"]?.stringValue,
            progress: progress,
            prompts: prompts
        ) { _ in graph }
    }

    /// `template` with `values` in its placeholders; a value the template refuses is the caller's error.
    func bind(_ template: WorkflowTemplate, _ values: [String: JSONValue]) throws -> JSONValue {
        do {
            return try template.bind(values)
        } catch {
            throw SpriteEngineError.invalidArgument(field: "workflow", message: error.description)
        }
    }

    /// Runs the graph `build` makes on the first free backend, moving to another on a backend fault.
    ///
    /// The lease is released as soon as the prompt is done, so the next prompt goes out while this one is
    /// post-processed.
    func paintAnywhere(
        template: WorkflowTemplate,
        checkpoint: String?,
        progress: ProgressReporter,
        prompts: PromptRecorder,
        build: (BackendPool.Lease) async throws -> JSONValue
    ) async throws -> (PromptResult, backend: String) {
        let attempts = max(2, await pool.statuses.count + 1)
        var tried: Set<String> = []
        var lastFault: ComfyUIError?
        for _ in 0..<attempts {
            let lease = try await pool.acquire(checkpoint: checkpoint, excluding: tried)
            do {
                let graph = try await build(lease)
                let painted = try await paint(
                    graph,
                    template: template,
                    on: lease,
                    progress: progress,
                    prompts: prompts
                )
                await pool.release(lease)
                return (painted, lease.backend)
            } catch let error as ComfyUIError where error.isBackendFault {
                await pool.release(lease, failure: error)
                tried.insert(lease.backend)
                lastFault = error
                logger.warning(
                    "ComfyUI backend failed; resubmitting elsewhere",
                    metadata: ["comfyui.backend": "\(lease.backend)", "error": "\(error)"]
                )
            } catch let error as ComfyUIError {
                await pool.release(lease)
                throw SpriteEngineError.comfyUI(error)
            } catch {
                await pool.release(lease)
                throw error
            }
        }
        throw SpriteEngineError.comfyUI(lastFault ?? .unreachable(backend: "(none)", reason: "no backend"))
    }

    /// The template's name and the whole bound graph: any change of model, knob or wording is another entry.
    package func cacheIdentity(for request: SpriteRequest, seed: UInt64) async -> String? {
        if request.tileset != nil { return TilesetPainter.version }
        guard let template = try? template(for: request),
            let values = try? WorkflowBinding(request: request, seed: seed, template: template).values,
            let graph = try? template.bind(values)
        else { return nil }
        var identity = "comfyui|\(template.name)|" + String(decoding: graph.encoded(), as: UTF8.self)
        // A sheet's later frames also depend on its img2img companion and the phrases it is given.
        if request.sheet != nil, let companion = try? img2imgTemplate(for: template) {
            identity += "|sheet|\(companion.name)|" + SheetPhrases.version
        }
        return identity
    }

    package func shutdown(leavingPrompts: Bool) async {
        await pool.shutdown(leavingPrompts: leavingPrompts)
    }

    package func backendStatuses() async -> [BackendPool.Status] {
        await pool.statuses
    }

    package func withdraw(_ handle: PromptHandle) async {
        guard let client = await pool.client(for: handle.backend) else {
            logger.warning(
                "cannot withdraw a prompt from a backend no longer configured",
                metadata: ["comfyui.backend": "\(handle.backend)", "comfyui.prompt_id": "\(handle.promptID)"]
            )
            return
        }
        do {
            try await client.cancel(handle.promptID)
        } catch {
            logger.warning(
                "could not withdraw the prompt from ComfyUI",
                metadata: ["comfyui.prompt_id": "\(handle.promptID)", "error": "\(error)"]
            )
        }
    }

    package func resume(
        _ request: SpriteRequest,
        from handle: PromptHandle,
        progress: ProgressReporter
    ) async throws -> GeneratedImage? {
        // A sheet is many prompts; the journal keeps one, so an interrupted sheet is painted anew.
        guard request.sheet == nil, let client = await pool.client(for: handle.backend) else { return nil }
        let result: PromptResult
        do {
            result = try await client.collect(handle.promptID, expectingEvents: false) { update in
                await Self.report(update, backend: handle.backend, to: progress)
            }
        } catch let error as ComfyUIError where error.isBackendFault {
            logger.info(
                "prompt from before the restart cannot be collected; generating anew",
                metadata: ["comfyui.prompt_id": "\(handle.promptID)", "error": "\(error)"]
            )
            return nil
        }
        return try await postprocess(result, backend: handle.backend, request: request, progress: progress)
    }

    func template(for request: SpriteRequest) throws -> WorkflowTemplate {
        let name = request.workflow ?? request.style.workflow ?? defaultWorkflow
        guard let template = library.templates[name] else {
            throw SpriteEngineError.invalidArgument(
                field: "workflow",
                message: "no workflow template named '\(name)'; known: "
                    + library.templates.keys.sorted().joined(separator: ", ")
            )
        }
        return template
    }

    /// One attempt on one backend: validate against its models, run, fetch.
    private func paint(
        _ graph: JSONValue,
        template: WorkflowTemplate,
        on lease: BackendPool.Lease,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws -> PromptResult {
        let info = try await pool.objectInfo(for: lease, classes: Set(template.usedNodeClasses))
        let objectInfo: ObjectInfo
        do {
            objectInfo = try ObjectInfo(json: info)
        } catch {
            throw ComfyUIError.badResponse(backend: lease.backend, operation: "GET /object_info", reason: "\(error)")
        }
        let problems = objectInfo.problems(in: graph, backend: lease.backend)
        guard problems.isEmpty else {
            throw SpriteEngineError.workflow(problems.map(\.message).joined(separator: "; "))
        }
        let backend = lease.backend
        let promptID = UUID().uuidString.lowercased()
        await prompts.willSend(PromptHandle(backend: backend, promptID: promptID))
        let result = try await lease.client.run(graph, promptID: promptID) { update in
            await Self.report(update, backend: backend, to: progress)
        }
        return result
    }

    /// Decodes the painted image and runs the pixel-art pipeline on it.
    func postprocess(
        _ result: PromptResult,
        backend: String,
        request: SpriteRequest,
        progress: ProgressReporter
    ) async throws -> GeneratedImage {
        guard let painted = result.images.first else {
            throw ComfyUIError.noImages(backend: backend, promptID: result.promptID)
        }
        await progress.report(88, of: 100, "post-processing")
        let clock = ContinuousClock()
        let start = clock.now
        let sprite: RGBAImage
        do {
            let decoded = try PNGCodec.decode(painted.data, maxPixels: maxPixels)
            sprite = try PixelPipeline(options: request.pipelineOptions).process(decoded)
        } catch {
            throw SpriteEngineError.image(error)
        }
        let elapsed = clock.now - start
        return GeneratedImage(
            image: sprite,
            engine: engineName,
            backend: backend,
            promptID: result.promptID,
            postprocessMS: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        )
    }

    /// Maps ComfyUI's progress onto the job's 0–100 scale: queue 0–5, sampling 5–85, fetching 86.
    private static func report(_ update: PromptUpdate, backend: String, to progress: ProgressReporter) async {
        switch update {
        case .queued(let position):
            await progress.report(2, of: 100, "queued on \(backend) (position \(position))")
        case .started:
            await progress.report(5, of: 100, "running on \(backend)")
        case .node:
            break
        case .step(let value, let max):
            guard max > 0 else { return }
            await progress.report(5 + 80 * Double(min(value, max)) / Double(max), of: 100, "step \(value)/\(max)")
        case .fetching:
            await progress.report(86, of: 100, "fetching image")
        case .preview:
            break
        }
    }
}
