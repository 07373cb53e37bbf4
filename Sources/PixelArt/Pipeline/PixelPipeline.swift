import Foundation

/// Turns a painted "pixel-art style" image into a true sprite, in this order: background removal →
/// downscale → palette → alpha threshold → trim / pad → outline → encode.
///
/// Deterministic: the same input and options give byte-identical PNG output.
package struct PixelPipeline: Sendable {
    package var options: Options

    package init(options: Options = Options()) {
        self.options = options
    }

    /// Checks the options that do not depend on the image; `run` calls this first.
    package func validate() throws(PixelArtError) {
        if case .adaptive(let colors) = options.palette, !(1...Palette.maxColors).contains(colors) {
            throw .invalidColorCount(colors)
        }
        if case .exact(let width, let height) = options.size, width < 1 || height < 1 {
            throw .invalidOption("the target size \(width)×\(height) must be at least 1×1")
        }
        if case .multipleOf(let n) = options.pad, n < 1 {
            throw .invalidOption("pad to a multiple of \(n) needs a positive number")
        }
        switch options.background {
        case .floodFill(let tolerance), .key(_, let tolerance):
            guard (0...255).contains(tolerance) else {
                throw .invalidOption("background tolerance \(tolerance) must be within 0...255")
            }
        case .keep: break
        }
    }

    /// Runs every configured step on `image`.
    ///
    /// Takes the image by value to own it: background removal then rewrites a freshly decoded image in place
    /// instead of copying megabytes first (a caller that keeps its image gets a copy, as before).
    package func process(_ image: consuming RGBAImage) throws(PixelArtError) -> RGBAImage {
        try validate()
        removeBackground(from: &image)
        image = try downscale(image)
        switch options.palette {
        case .keep: break
        case .fixed(let palette): image = image.quantized(to: palette, dither: options.dither)
        case .adaptive(let colors):
            image = image.quantized(to: try image.adaptivePalette(colors: colors), dither: options.dither)
        }
        if let threshold = options.alphaThreshold { image = image.thresholdedAlpha(threshold) }
        if options.trim { image = image.trimmed() }
        if let pad = options.pad { image = image.padded(pad) }
        if let outline = options.outline { image = image.outlined(with: outline) }
        return image
    }

    /// Decodes `png`, processes it and encodes the result (indexed + tRNS when ≤ 256 colours, else RGBA).
    package func run(_ png: Data, maxPixels: Int = PNGCodec.defaultMaxPixels) throws(PixelArtError) -> Data {
        try validate()
        return try PNGCodec.encode(process(PNGCodec.decode(png, maxPixels: maxPixels)))
    }

    private func removeBackground(from image: inout RGBAImage) {
        switch options.background {
        case .keep: break
        case .floodFill(let tolerance): image.removeBackground(tolerance: tolerance)
        case .key(let color, let tolerance): image = image.removingKeyColor(color, tolerance: tolerance)
        }
    }

    private func downscale(_ image: RGBAImage) throws(PixelArtError) -> RGBAImage {
        switch options.size {
        case .keep:
            return image
        case .auto:
            return image.downscaled(on: PixelGrid.detect(in: image))
        case .exact(let width, let height):
            guard width <= image.width, height <= image.height else {
                throw .targetLargerThanSource(target: "\(width)×\(height)", source: "\(image.width)×\(image.height)")
            }
            switch options.downscale {
            case .nearest: return image.resizedNearest(width: width, height: height)
            case .kCentroid: return image.downscaledKCentroid(width: width, height: height)
            }
        }
    }
}
