import PixelArt

/// How a style turns a painted image (diffusion output, or a file given to `dgx-pixels process`) into a sprite.
extension StylePreset {
    /// How far from the border colour a pixel may be and still be cleared as background (per RGB channel).
    package static let backgroundTolerance = 24

    /// Flood-fill background removal for transparent styles, the style's downscale mode and dither,
    /// the style's palette (or an adaptive one of `maxColors`), binary alpha and the outline if the style has one.
    package var pipelineOptions: PixelPipeline.Options {
        var options = PixelPipeline.Options()
        switch background {
        case .transparent: options.background = .floodFill(tolerance: Self.backgroundTolerance)
        case .keep, .color: options.background = .keep
        }
        options.size = .exact(width: size.width, height: size.height)
        options.downscale = downscale
        options.dither = dither
        if let palette {
            options.palette = .fixed(palette)
        } else {
            options.palette = .adaptive(colors: min(max(1, maxColors), Palette.maxColors))
        }
        options.outline = outline ? outlineColor : nil
        return options
    }

    /// The palette's darkest colour by luma, so the outline stays inside the palette; black without one.
    package var outlineColor: RGBA {
        palette?.darkestOpaque ?? RGBA(0, 0, 0)
    }
}
