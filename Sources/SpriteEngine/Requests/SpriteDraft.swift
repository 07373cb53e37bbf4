import Foundation
import PixelArt

/// The options of a generate call as the caller gave them, before validation (every field optional).
///
/// MCP arguments and CLI flags both become a draft; `resolve` applies the one set of rules, so the two surfaces
/// accept and refuse exactly the same things.
package struct SpriteDraft: Sendable, Hashable {
    /// A size as given: a number or a `N` / `WxH` string.
    package enum SizeInput: Sendable, Hashable {
        case edge(Int)
        case text(String)
    }

    /// A palette as given: a name or a list of hex colours.
    package enum PaletteInput: Sendable, Hashable {
        case name(String)
        case colors([String])
    }

    package var prompt: String?
    package var negativePrompt: String?
    package var style: String?
    package var size: SizeInput?
    package var seed: Int?
    package var palette: PaletteInput?
    package var colors: Int?
    package var outline: Bool?
    package var background: String?
    package var name: String?
    package var category: String?
    package var dither: String?
    package var force: Bool?
    // Diffusion knobs (ComfyUI engine only); see DiffusionOptions.
    package var workflow: String?
    package var steps: Int?
    package var cfg: Double?
    package var sampler: String?
    package var scheduler: String?
    package var checkpoint: String?
    package var lora: String?
    package var loraStrength: Double?
    package var generationSize: SizeInput?

    package init(prompt: String? = nil) {
        self.prompt = prompt
    }

    /// The largest seed accepted: JSON numbers are exact up to 2^53.
    package static let maxSeed = 9_007_199_254_740_991

    /// Validates every field against the configuration and returns the request.
    ///
    /// Errors name the field, prefixed by `fieldPrefix` for batch items (for example `items[2].`).
    package func resolve(
        with configuration: Configuration,
        fieldPrefix: String = ""
    ) throws(SpriteEngineError) -> SpriteRequest {
        func field(_ name: String) -> String { fieldPrefix + name }
        guard let rawPrompt = prompt else {
            throw .invalidArgument(
                field: field("prompt"),
                message: "is required: describe the sprite, e.g. 'red knight'"
            )
        }
        let cleanPrompt = rawPrompt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleanPrompt.isEmpty else {
            throw .invalidArgument(field: field("prompt"), message: "must not be empty: describe the sprite")
        }
        guard cleanPrompt.count <= 2000, !cleanPrompt.contains("\0") else {
            throw .invalidArgument(field: field("prompt"), message: "must be at most 2000 characters of text")
        }
        let style = try configuration.style(
            named: style ?? configuration.generation.defaultStyle,
            field: field("style")
        )
        let sizeRange = configuration.generation.minSize...configuration.generation.maxSize
        var resolvedSize = style.size
        switch size {
        case .edge(let edge):
            resolvedSize = try SpriteSize.checked(SpriteSize(square: edge), field: field("size"), range: sizeRange)
        case .text(let text):
            resolvedSize = try SpriteSize.parse(text, field: field("size"), range: sizeRange)
        case nil:
            break
        }
        if let seed, !(0...Self.maxSeed).contains(seed) {
            throw .invalidArgument(
                field: field("seed"),
                message: "must be an integer from 0 to \(Self.maxSeed), got \(seed)"
            )
        }
        let resolvedPalette = try resolvePalette(default: style.palette, field: field("palette"))
        let maxColors = colors ?? min(style.maxColors, resolvedPalette?.colors.count ?? 256)
        guard (2...256).contains(maxColors) else {
            throw .invalidArgument(field: field("colors"), message: "must be from 2 to 256, got \(maxColors)")
        }
        var resolvedBackground = style.background
        if let background {
            guard let parsed = StylePreset.Background(background) else {
                throw .invalidArgument(
                    field: field("background"),
                    message: "expected 'transparent', 'keep' or a hex colour such as '#1a1c2c', got '\(background)'"
                )
            }
            resolvedBackground = parsed
        }
        let resolvedName =
            try name.map { value throws(SpriteEngineError) in
                try SpriteName.validated(value, field: field("name"))
            } ?? SpriteName.slug(from: cleanPrompt)
        let resolvedCategory = try SpriteName.validated(
            category ?? configuration.generation.defaultCategory,
            field: field("category")
        )
        let diffusion = try resolveDiffusion(fieldPrefix: fieldPrefix)
        let resolvedDither = try resolveDither(default: style.dither, field: field("dither"))
        return SpriteRequest(
            prompt: cleanPrompt,
            negativePrompt: negativePrompt ?? style.negativePrompt,
            style: style,
            size: resolvedSize,
            seed: seed.map { UInt64($0) },
            palette: resolvedPalette,
            maxColors: maxColors,
            outline: outline ?? style.outline,
            background: resolvedBackground,
            name: resolvedName,
            category: resolvedCategory,
            dither: resolvedDither,
            diffusion: diffusion,
            force: force ?? false
        )
    }

    private func resolvePalette(default fallback: Palette?, field: String) throws(SpriteEngineError) -> Palette? {
        switch palette {
        case nil:
            return fallback
        case .name(let name):
            if name.lowercased() == "none" || name.lowercased() == "auto" { return nil }
            guard let named = Palette.named(name) else {
                throw .invalidArgument(
                    field: field,
                    message: "unknown palette '\(name)'; known palettes: \(Palette.names.joined(separator: ", ")), "
                        + "or give a list of hex colours"
                )
            }
            return named
        case .colors(let entries):
            guard (2...256).contains(entries.count) else {
                throw .invalidArgument(field: field, message: "a palette needs 2 to 256 colours, got \(entries.count)")
            }
            do {
                return try Palette.parse(hexList: entries)
            } catch {
                throw .invalidArgument(field: field, message: error.description)
            }
        }
    }
}

extension SpriteDraft {
    /// Fills every option this draft leaves unset from `shared` (a batch's options shared by its items).
    package mutating func inherit(from shared: SpriteDraft) {
        style = style ?? shared.style
        size = size ?? shared.size
        negativePrompt = negativePrompt ?? shared.negativePrompt
        palette = palette ?? shared.palette
        colors = colors ?? shared.colors
        outline = outline ?? shared.outline
        background = background ?? shared.background
        category = category ?? shared.category
        dither = dither ?? shared.dither
        force = force ?? shared.force
        workflow = workflow ?? shared.workflow
        steps = steps ?? shared.steps
        cfg = cfg ?? shared.cfg
        sampler = sampler ?? shared.sampler
        scheduler = scheduler ?? shared.scheduler
        checkpoint = checkpoint ?? shared.checkpoint
        lora = lora ?? shared.lora
        loraStrength = loraStrength ?? shared.loraStrength
        generationSize = generationSize ?? shared.generationSize
    }
}
