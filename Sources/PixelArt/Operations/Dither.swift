/// How quantisation spreads the error of snapping a colour to the palette; `none` keeps flat pixel-art areas flat.
package enum Dither: String, Sendable, Hashable, CaseIterable, Codable {
    case none
    /// A 4×4 Bayer threshold pattern: regular, tiles cleanly, stable between frames.
    case ordered
    /// Floyd–Steinberg error diffusion, left to right, top to bottom.
    case floydSteinberg = "floyd-steinberg"
}

extension RGBAImage {
    /// Quantizes visible pixels to `palette` with `dither`; alpha is kept, transparent pixels are left alone.
    package func quantized(to palette: Palette, dither: Dither) -> RGBAImage {
        switch dither {
        case .none: quantized(to: palette)
        case .ordered: orderedDithered(to: palette)
        case .floydSteinberg: errorDiffused(to: palette)
        }
    }

    private static let bayer: [Int] = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5]

    private func orderedDithered(to palette: Palette) -> RGBAImage {
        let matcher = PaletteMatcher(palette)
        var cache: [UInt32: RGBA] = [:]
        var output = pixels
        for y in 0..<height {
            for x in 0..<width {
                let index = (y * width + x) * 4
                guard output[index + 3] > 0 else { continue }
                // Spread of ±32 per channel: enough to mix neighbouring palette entries, not to add noise.
                let bias = (Self.bayer[(y % 4) * 4 + x % 4] * 2 - 15) * 32 / 15
                let color = RGBA(
                    UInt8(clamping: Int(output[index]) + bias),
                    UInt8(clamping: Int(output[index + 1]) + bias),
                    UInt8(clamping: Int(output[index + 2]) + bias)
                )
                let match = cache[color.packed] ?? matcher.nearest(to: color)
                cache[color.packed] = match
                output[index] = match.r
                output[index + 1] = match.g
                output[index + 2] = match.b
            }
        }
        return RGBAImage(width: width, height: height, validPixels: output)
    }

    private func errorDiffused(to palette: Palette) -> RGBAImage {
        let matcher = PaletteMatcher(palette)
        var cache: [UInt32: RGBA] = [:]
        var work = pixels.map(Int.init)
        var output = pixels
        let spread: [(dx: Int, dy: Int, weight: Int)] = [(1, 0, 7), (-1, 1, 3), (0, 1, 5), (1, 1, 1)]
        for y in 0..<height {
            for x in 0..<width {
                let index = (y * width + x) * 4
                guard output[index + 3] > 0 else { continue }
                let color = RGBA(
                    UInt8(clamping: work[index]),
                    UInt8(clamping: work[index + 1]),
                    UInt8(clamping: work[index + 2])
                )
                let match = cache[color.packed] ?? matcher.nearest(to: color)
                cache[color.packed] = match
                let errors = [
                    work[index] - Int(match.r), work[index + 1] - Int(match.g), work[index + 2] - Int(match.b),
                ]
                output[index] = match.r
                output[index + 1] = match.g
                output[index + 2] = match.b
                for (dx, dy, weight) in spread where contains(x: x + dx, y: y + dy) {
                    let target = ((y + dy) * width + x + dx) * 4
                    guard output[target + 3] > 0 else { continue }
                    for channel in 0..<3 { work[target + channel] += errors[channel] * weight / 16 }
                }
            }
        }
        return RGBAImage(width: width, height: height, validPixels: output)
    }
}
