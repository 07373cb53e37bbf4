/// Recolouring to a fixed palette and hardening alpha, the last steps before a sprite is encoded.
extension RGBAImage {
    /// Each visible pixel takes the RGB of its perceptually nearest palette colour and keeps its own alpha.
    ///
    /// Fully transparent pixels are left as they are: their colour is never seen.
    package func quantized(to palette: Palette) -> RGBAImage {
        let matcher = PaletteMatcher(palette)
        var cache: [UInt32: RGBA] = [:]
        var result = self
        for y in 0..<height {
            for x in 0..<width {
                let color = self[x, y]
                guard color.a > 0 else { continue }
                let opaque = RGBA(color.r, color.g, color.b)
                let match: RGBA
                if let cached = cache[opaque.packed] {
                    match = cached
                } else {
                    match = matcher.nearest(to: opaque)
                    cache[opaque.packed] = match
                }
                result[x, y] = RGBA(match.r, match.g, match.b, color.a)
            }
        }
        return result
    }

    /// Binary alpha: pixels with alpha below `threshold` become fully clear (0, 0, 0, 0), the rest fully opaque.
    package func thresholdedAlpha(_ threshold: UInt8 = 128) -> RGBAImage {
        var result = self
        for y in 0..<height {
            for x in 0..<width {
                let color = self[x, y]
                if color.a < threshold {
                    result[x, y] = .clear
                } else if color.a != 255 {
                    result[x, y] = RGBA(color.r, color.g, color.b)
                }
            }
        }
        return result
    }
}
