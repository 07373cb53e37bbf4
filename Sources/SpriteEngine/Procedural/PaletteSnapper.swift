import PixelArt

/// Maps any colour to the nearest colour of a style palette, by a weighted RGB distance ("redmean") in integers.
///
/// The pixel-art pipeline snaps painted images with `PaletteMatcher` (Oklab) instead. The procedural engine keeps
/// this integer metric on purpose: it promises the same bytes for the same request on every machine, and Oklab's
/// `cbrt` in floating point is free to differ in its last bit between C libraries, which can flip a tie and change
/// a sprite. The engine picks colours it built from the palette itself, so Oklab's better hue matching buys it little.
struct PaletteSnapper: Sendable {
    private let colours: [RGBA]

    /// Nil when the palette has no colours.
    ///
    /// Only opaque entries are used, since sprites have binary alpha; a palette with none is used with its alpha
    /// ignored.
    init?(palette: [RGBA]) {
        let opaque = palette.filter(\.isOpaque)
        let usable = opaque.isEmpty ? palette.map { RGBA($0.r, $0.g, $0.b) } : opaque
        guard !usable.isEmpty else { return nil }
        colours = usable
    }

    /// The palette colour closest to `colour` (the first of equals, so ties resolve the same everywhere).
    func nearest(_ colour: RGBA) -> RGBA {
        var best = colours[0]
        var bestDistance = Int.max
        for candidate in colours {
            let distance = Self.distance(colour, candidate)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    /// The closest palette colour that satisfies `condition`, nil when none does.
    func nearest(_ colour: RGBA, where condition: (RGBA) -> Bool) -> RGBA? {
        var best: RGBA?
        var bestDistance = Int.max
        for candidate in colours where condition(candidate) {
            let distance = Self.distance(colour, candidate)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    private static func distance(_ a: RGBA, _ b: RGBA) -> Int {
        let meanRed = (Int(a.r) + Int(b.r)) / 2
        let dr = Int(a.r) - Int(b.r)
        let dg = Int(a.g) - Int(b.g)
        let db = Int(a.b) - Int(b.b)
        // Swift's `>>` binds tighter than `*`, hence the parentheses.
        return (((512 + meanRed) * dr * dr) >> 8) + 4 * dg * dg + (((767 - meanRed) * db * db) >> 8)
    }
}
