import PixelArt

extension SpriteRequest {
    /// How painted (diffusion) output becomes this sprite: the style's pipeline with the call's overrides.
    package var pipelineOptions: PixelPipeline.Options {
        var options = style.pipelineOptions
        switch background {
        case .transparent: options.background = .floodFill(tolerance: StylePreset.backgroundTolerance)
        case .keep, .color: options.background = .keep
        }
        options.size = .exact(width: size.width, height: size.height)
        options.dither = dither
        if let palette {
            options.palette = .fixed(palette)
        } else {
            options.palette = .adaptive(colors: min(max(1, maxColors), Palette.maxColors))
        }
        options.outline = outline ? (palette?.darkestOpaque ?? RGBA(0, 0, 0)) : nil
        return options
    }

    /// The text the diffusion model sees: the style's wording around the caller's prompt.
    package var diffusionPrompt: String {
        style.promptPrefix + prompt + style.promptSuffix
    }
}

extension Palette {
    /// The darkest opaque colour by luma, so an outline stays inside the palette.
    var darkestOpaque: RGBA {
        func luma(_ color: RGBA) -> Int { 299 * Int(color.r) + 587 * Int(color.g) + 114 * Int(color.b) }
        let darkest = colors.filter { $0.a > 0 }.min { luma($0) < luma($1) } ?? RGBA(0, 0, 0)
        return RGBA(darkest.r, darkest.g, darkest.b)
    }
}
