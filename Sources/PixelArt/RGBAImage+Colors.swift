/// Colour statistics a validator or quantizer asks of an image.
extension RGBAImage {
    /// Every distinct RGBA value in the image.
    package var distinctColors: Set<RGBA> {
        Set(distinctPackedColors.map { RGBA(packed: $0) })
    }

    /// How many distinct RGBA values the image holds.
    package var colorCount: Int { distinctPackedColors.count }

    /// Whether any pixel is less than fully opaque.
    package var hasAlpha: Bool {
        stride(from: 3, to: pixels.count, by: 4).contains { pixels[$0] < 255 }
    }

    /// Whether every pixel is either fully transparent or fully opaque, as most sprite pipelines expect.
    package var hasBinaryAlpha: Bool {
        stride(from: 3, to: pixels.count, by: 4).allSatisfy { pixels[$0] == 0 || pixels[$0] == 255 }
    }

    /// The colours packed as `0xRRGGBBAA`, so the set hashes one integer per pixel.
    private var distinctPackedColors: Set<UInt32> {
        var colors: Set<UInt32> = []
        for index in stride(from: 0, to: pixels.count, by: 4) {
            colors.insert(
                UInt32(pixels[index]) << 24 | UInt32(pixels[index + 1]) << 16 | UInt32(pixels[index + 2]) << 8
                    | UInt32(pixels[index + 3])
            )
        }
        return colors
    }
}
