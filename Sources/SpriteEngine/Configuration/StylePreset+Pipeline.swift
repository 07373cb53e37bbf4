import PixelArt

/// How a style turns a painted image (diffusion output, or a file given to `dgx-pixels process`) into a sprite.
extension StylePreset {
    /// How far from the border colour a pixel may be and still be cleared as background (per RGB channel).
    package static let backgroundTolerance = 24

    /// The style's own pipeline: flood-fill background removal for transparent styles, its downscale mode and
    /// dither, its palette (or an adaptive one of `maxColors`), binary alpha and the outline if it has one.
    package var pipelineOptions: PixelPipeline.Options {
        .sprite(
            size: size,
            background: background,
            downscale: downscale,
            dither: dither,
            palette: palette,
            maxColors: maxColors,
            outline: outline
        )
    }
}

extension PixelPipeline.Options {
    /// A sprite's pipeline from the values in effect — the style's with the caller's overrides already applied —
    /// so what derives from them follows them: the outline takes the darkest colour of the palette in effect.
    package static func sprite(
        size: SpriteSize,
        background: StylePreset.Background,
        downscale: PixelPipeline.DownscaleMode,
        dither: Dither,
        palette: Palette?,
        maxColors: Int,
        outline: Bool
    ) -> PixelPipeline.Options {
        var options = PixelPipeline.Options()
        switch background {
        case .transparent: options.background = .floodFill(tolerance: StylePreset.backgroundTolerance)
        case .keep, .color: options.background = .keep
        }
        options.size = .exact(width: size.width, height: size.height)
        options.downscale = downscale
        options.dither = dither
        if let palette {
            options.palette = .fixed(palette)
        } else {
            options.palette = .adaptive(colors: maxColors)
        }
        options.outline = outline ? (palette?.darkestOpaque ?? RGBA(0, 0, 0)) : nil
        return options
    }
}

extension Palette {
    /// The darkest opaque colour by luma, so an outline stays inside the palette.
    package var darkestOpaque: RGBA {
        func luma(_ color: RGBA) -> Int { 299 * Int(color.r) + 587 * Int(color.g) + 114 * Int(color.b) }
        let darkest = colors.filter { $0.a > 0 }.min { luma($0) < luma($1) } ?? RGBA(0, 0, 0)
        return RGBA(darkest.r, darkest.g, darkest.b)
    }
}
