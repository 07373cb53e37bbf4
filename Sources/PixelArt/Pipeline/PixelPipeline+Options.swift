/// What each pipeline step does; every step is optional and off unless set.
extension PixelPipeline {
    /// The pipeline's configuration, from a style preset or a call.
    package struct Options: Sendable, Hashable {
        package var background: Background = .keep
        package var size: TargetSize = .keep
        package var downscale: DownscaleMode = .nearest
        package var palette: PaletteChoice = .keep
        package var dither: Dither = .none
        /// Alpha below this becomes clear, the rest opaque; nil keeps alpha as it is.
        package var alphaThreshold: UInt8? = 128
        package var trim = false
        package var pad: PadRule?
        package var outline: RGBA?

        package init() {}
    }

    /// Background removal before anything else, so the backdrop does not bleed into cells or the palette.
    package enum Background: Sendable, Hashable {
        case keep
        /// Flood fill from the border, clearing pixels within `tolerance` of the dominant border colour.
        case floodFill(tolerance: Int)
        /// Clear every pixel within `tolerance` of a key colour.
        case key(RGBA, tolerance: Int)
    }

    /// The output size of the downscale step.
    package enum TargetSize: Sendable, Hashable {
        case keep
        case exact(width: Int, height: Int)
        /// Detect the native pixel grid and downscale on it.
        case auto
    }

    /// How a target cell gets its colour.
    package enum DownscaleMode: String, Sendable, Hashable, CaseIterable, Codable {
        /// The source pixel under the cell's centre.
        case nearest
        /// The mean of the cell's dominant colour cluster.
        case kCentroid = "k-centroid"
    }

    /// Which colours the sprite may use.
    package enum PaletteChoice: Sendable, Hashable {
        case keep
        case fixed(Palette)
        /// The best `colors` colours for this image (median cut in Oklab).
        case adaptive(colors: Int)
    }
}
