import PixelArt

/// One sprite to make, with every option resolved against the style and the configuration.
package struct SpriteRequest: Sendable, Hashable, Codable {
    package var prompt: String
    package var negativePrompt: String
    package var style: StylePreset
    package var size: SpriteSize
    /// Nil lets the engine pick one; the result always reports the seed used.
    package var seed: UInt64?
    package var palette: Palette?
    package var maxColors: Int
    package var outline: Bool
    package var background: StylePreset.Background
    /// File name without extension, `[a-z0-9_-]`.
    package var name: String
    package var category: String
    /// How painted (diffusion) output is dithered when snapped to the palette.
    package var dither: Dither = .none
    /// The ComfyUI workflow template the call asked for; nil uses the style's, else `comfyui.workflow`.
    package var workflow: String?
    /// Checked values of the `.workflow` and `.knob` options the call set, by option key.
    package var knobs: [String: OptionValue] = [:]
    /// Make it even when the cache holds the same sprite.
    package var force = false
    /// Set for a tileset (`generate_tileset`): the prompt is its terrain, and the painter makes it on every engine.
    package var tileset: TilesetRequest?

    /// The checked value of a `.workflow` or `.knob` option, nil when the call left it unset.
    package func knob(_ option: SpriteOption) -> OptionValue? {
        knobs[option.key]
    }
}

extension SpriteRequest {
    private enum CodingKeys: String, CodingKey {
        case prompt, negativePrompt, style, size, seed, palette, maxColors, outline, background, name, category
        case dither, workflow, knobs, force, tileset
        /// Before the option table, workflow knobs were one typed object; journals written then still read.
        case diffusion
    }

    private struct LegacyDiffusion: Decodable {
        var workflow: String?
        var steps: Int?
        var cfg: Double?
        var sampler, scheduler, checkpoint, lora: String?
        var loraStrength: Double?
        var generationSize: SpriteSize?
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        prompt = try container.decode(String.self, forKey: .prompt)
        negativePrompt = try container.decode(String.self, forKey: .negativePrompt)
        style = try container.decode(StylePreset.self, forKey: .style)
        size = try container.decode(SpriteSize.self, forKey: .size)
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed)
        palette = try container.decodeIfPresent(Palette.self, forKey: .palette)
        maxColors = try container.decode(Int.self, forKey: .maxColors)
        outline = try container.decode(Bool.self, forKey: .outline)
        background = try container.decode(StylePreset.Background.self, forKey: .background)
        name = try container.decode(String.self, forKey: .name)
        category = try container.decode(String.self, forKey: .category)
        dither = try container.decodeIfPresent(Dither.self, forKey: .dither) ?? .none
        workflow = try container.decodeIfPresent(String.self, forKey: .workflow)
        knobs = try container.decodeIfPresent([String: OptionValue].self, forKey: .knobs) ?? [:]
        force = try container.decodeIfPresent(Bool.self, forKey: .force) ?? false
        tileset = try container.decodeIfPresent(TilesetRequest.self, forKey: .tileset)
        if let legacy = try container.decodeIfPresent(LegacyDiffusion.self, forKey: .diffusion) {
            workflow = workflow ?? legacy.workflow
            let old: [(SpriteOption, OptionValue?)] = [
                (.steps, legacy.steps.map(OptionValue.int)), (.cfg, legacy.cfg.map(OptionValue.number)),
                (.sampler, legacy.sampler.map(OptionValue.text)), (.scheduler, legacy.scheduler.map(OptionValue.text)),
                (.checkpoint, legacy.checkpoint.map(OptionValue.text)), (.lora, legacy.lora.map(OptionValue.text)),
                (.loraStrength, legacy.loraStrength.map(OptionValue.number)),
                (.generationSize, legacy.generationSize.map { .text("\($0.width)x\($0.height)") }),
            ]
            for (option, value) in old { if let value { knobs[option.key] = value } }
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(prompt, forKey: .prompt)
        try container.encode(negativePrompt, forKey: .negativePrompt)
        try container.encode(style, forKey: .style)
        try container.encode(size, forKey: .size)
        try container.encodeIfPresent(seed, forKey: .seed)
        try container.encodeIfPresent(palette, forKey: .palette)
        try container.encode(maxColors, forKey: .maxColors)
        try container.encode(outline, forKey: .outline)
        try container.encode(background, forKey: .background)
        try container.encode(name, forKey: .name)
        try container.encode(category, forKey: .category)
        try container.encode(dither, forKey: .dither)
        try container.encodeIfPresent(workflow, forKey: .workflow)
        if !knobs.isEmpty { try container.encode(knobs, forKey: .knobs) }
        try container.encode(force, forKey: .force)
        try container.encodeIfPresent(tileset, forKey: .tileset)
    }
}
