import Foundation
import PixelArt

/// Makes one sprite end to end: generate → background → encode → validate → save.
struct SpritePipeline: Sendable {
    let configuration: Configuration
    let generator: any Generator
    let store: SpriteStore

    /// Never throws: a failure becomes the item's error, so one bad item never loses the others.
    func render(
        _ request: SpriteRequest,
        jobID: String,
        progress: ProgressReporter,
        prompts: PromptRecorder,
        resume: PromptHandle? = nil
    ) async
        -> Result<SpriteResult, SpriteEngineError>
    {
        do {
            return .success(try await make(request, jobID: jobID, progress: progress, prompts: prompts, resume: resume))
        } catch let error as SpriteEngineError {
            return .failure(error)
        } catch is CancellationError {
            return .failure(.cancelled)
        } catch {
            return .failure(.generationFailed(engine: generator.engineName, reason: "\(error)"))
        }
    }

    private func make(
        _ request: SpriteRequest,
        jobID: String,
        progress: ProgressReporter,
        prompts: PromptRecorder,
        resume: PromptHandle?
    ) async throws
        -> SpriteResult
    {
        let clock = ContinuousClock()
        let start = clock.now
        let seed = request.seed ?? UInt64.random(in: 0...UInt64(SpriteDraft.maxSeed))
        let cacheKey = await generator.cacheIdentity(for: request, seed: seed).map {
            SpriteCache.key(for: request, seed: seed, identity: $0)
        }
        if let cacheKey, !request.force, resume == nil, let hit = store.cache.lookup(cacheKey) {
            let fileName = request.name + ".png"
            let url = try store.reuse(hit.path, jobID: jobID, fileName: fileName)
            var result = hit
            result.jobID = jobID
            result.name = request.name
            result.category = request.category
            result.path = url.path
            result.uri = SpriteStore.uri(jobID: jobID, fileName: fileName)
            // An entry made by a job more than a day old moves to this copy, so retention pruning that job does
            // not lose a sprite still asked for.
            if let made = JobRecord.date(ofID: hit.jobID), made < Date().addingTimeInterval(-86_400) {
                store.cache.remember(result, as: cacheKey)
            }
            result.cached = true
            result.timings = SpriteResult.Timings(generateMS: 0, encodeMS: 0, validateMS: 0, saveMS: 0, totalMS: 0)
            try saveDescriptor(of: result, jobID: jobID)
            await progress.report(100, of: 100, "cached: \(url.path)")
            return result
        }
        await progress.report(0, of: 100, "generating " + Self.describe(request))
        var generated: GeneratedImage
        if let resume, let collected = try await generator.resume(request, from: resume, progress: progress) {
            generated = collected
        } else {
            var seeded = request
            seeded.seed = seed
            generated = try await generator.generate(seeded, seed: seed, progress: progress, prompts: prompts)
        }
        try Task.checkCancellation()
        if case .color(let color) = request.background {
            generated.image = generated.image.filledBackground(with: color)
        }
        let generatedAt = clock.now
        await progress.report(90, of: 100, "encoding PNG")
        let png: Data
        do {
            png = try PNGCodec.encode(generated.image)
        } catch {
            throw SpriteEngineError.image(error)
        }
        let encodedAt = clock.now
        await progress.report(94, of: 100, "validating")
        let report = PNGValidator(limits: validationLimits(for: request)).validate(png)
        guard report.valid else {
            throw SpriteEngineError.invalidSprite(
                path: request.name + ".png",
                issues: report.issues.filter { $0.severity == .error }.map(\.message)
            )
        }
        let validatedAt = clock.now
        await progress.report(97, of: 100, "saving")
        let fileName = request.name + ".png"
        let url = try store.save(png: png, jobID: jobID, fileName: fileName)
        let savedAt = clock.now
        await progress.report(100, of: 100, "saved \(url.path)")
        func ms(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Double {
            let duration = to - from
            let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            return (value * 1000).rounded() / 1000
        }
        let result = SpriteResult(
            jobID: jobID,
            name: request.name,
            category: request.category,
            prompt: request.prompt,
            style: request.style.name,
            engine: generated.engine ?? generator.engineName,
            backend: generated.backend,
            promptID: generated.promptID,
            seed: seed,
            width: generated.image.width,
            height: generated.image.height,
            path: url.path,
            uri: SpriteStore.uri(jobID: jobID, fileName: fileName),
            fileSize: png.count,
            colorsUsed: report.colorCount ?? generated.image.colorCount,
            palette: request.palette?.name,
            contentHash: "sha256:" + SHA256.hex(png),
            validation: report,
            timings: SpriteResult.Timings(
                generateMS: ms(start, generatedAt),
                postprocessMS: generated.postprocessMS.map { ($0 * 1000).rounded() / 1000 },
                encodeMS: ms(generatedAt, encodedAt),
                validateMS: ms(encodedAt, validatedAt),
                saveMS: ms(validatedAt, savedAt),
                totalMS: ms(start, savedAt)
            ),
            sheet: generated.sheet,
            tileset: generated.tileset
        )
        try saveDescriptor(of: result, jobID: jobID)
        if let cacheKey { store.cache.remember(result, as: cacheKey) }
        return result
    }

    /// What the first progress message says is being made.
    static func describe(_ request: SpriteRequest) -> String {
        if let tileset = request.tileset {
            return "\(tileset.layout.rawValue) tileset of \(tileset.tileSize) px tiles"
        }
        if let sheet = request.sheet {
            return
                "\(sheet.animation.rawValue) sheet, \(sheet.frames) frames x \(sheet.directions.rawValue) directions "
                + "of \(request.size)"
        }
        return "\(request.size) sprite"
    }

    /// The rules a generated sprite must pass: its size, colour budget, palette and binary alpha.
    private func validationLimits(for request: SpriteRequest) -> PNGValidator.Limits {
        var limits = configuration.validationLimits
        limits.maxColors = request.maxColors
        limits.palette = request.palette?.colors
        limits.requireBinaryAlpha = request.background == .transparent
        return limits
    }
}
