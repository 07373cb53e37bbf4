import PixelArt

extension SpriteDraft {
    /// Checks the diffusion knobs' ranges; the template checks the rest when it is bound.
    func resolveDiffusion(fieldPrefix: String) throws(SpriteEngineError) -> DiffusionOptions {
        func field(_ name: String) -> String { fieldPrefix + name }
        var options = DiffusionOptions()
        if let workflow {
            options.workflow = try SpriteName.validated(workflow, field: field("workflow"))
        }
        if let steps {
            guard DiffusionOptions.stepRange.contains(steps) else {
                throw .invalidArgument(field: field("steps"), message: "must be from 1 to 150, got \(steps)")
            }
            options.steps = steps
        }
        if let cfg {
            guard DiffusionOptions.cfgRange.contains(cfg), cfg.isFinite else {
                throw .invalidArgument(field: field("cfg"), message: "must be from 0 to 30, got \(cfg)")
            }
            options.cfg = cfg
        }
        if let loraStrength {
            guard DiffusionOptions.loraStrengthRange.contains(loraStrength) else {
                throw .invalidArgument(
                    field: field("lora_strength"),
                    message: "must be from -4 to 4, got \(loraStrength)"
                )
            }
            options.loraStrength = loraStrength
        }
        options.sampler = try modelName(sampler, field: field("sampler"))
        options.scheduler = try modelName(scheduler, field: field("scheduler"))
        options.checkpoint = try modelName(checkpoint, field: field("checkpoint"))
        options.lora = try modelName(lora, field: field("lora"))
        switch generationSize {
        case .edge(let edge):
            options.generationSize = try SpriteSize.checked(
                SpriteSize(square: edge),
                field: field("generation_size"),
                range: DiffusionOptions.generationEdgeRange
            )
        case .text(let text):
            options.generationSize = try SpriteSize.parse(
                text,
                field: field("generation_size"),
                range: DiffusionOptions.generationEdgeRange
            )
        case nil:
            break
        }
        if let size = options.generationSize, size.width % 8 != 0 || size.height % 8 != 0 {
            throw .invalidArgument(
                field: field("generation_size"),
                message: "each edge must be a multiple of 8 (latent images are 1/8 scale), got \(size)"
            )
        }
        return options
    }

    /// A model or sampler name: printable, no path separators, at most 200 characters.
    private func modelName(_ value: String?, field: String) throws(SpriteEngineError) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.contains(".."),
            trimmed.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0 != "\\" })
        else {
            throw .invalidArgument(field: field, message: "expected a file or sampler name, got '\(value)'")
        }
        return trimmed
    }

    /// `none`, `ordered` or `floyd-steinberg`.
    func resolveDither(default fallback: Dither, field: String) throws(SpriteEngineError) -> Dither {
        guard let dither else { return fallback }
        guard let parsed = Dither(rawValue: dither.lowercased()) else {
            throw .invalidArgument(
                field: field,
                message: "expected none, ordered or floyd-steinberg, got '\(dither)'"
            )
        }
        return parsed
    }
}
