/// Finds a palette's perceptually nearest colour, with the palette converted to Oklab once.
///
/// Used by the pixel-art pipeline on painted images; the procedural engine has its own integer metric
/// (`PaletteSnapper`) because its output must be bit-identical on every machine.
///
/// Oklab rather than a weighted-RGB "redmean" distance: pixel-art palettes are small, so the extra cost is
/// negligible (and callers cache per distinct colour), while Oklab keeps dark blues, purples and near-greys
/// from snapping to the wrong hue, which redmean is known to get wrong.
struct PaletteMatcher: Sendable {
    private let candidates: [(color: RGBA, lab: Oklab)]

    init(_ palette: Palette) {
        // Fully transparent entries are "no colour" slots; matching a visible pixel to one would erase it.
        let visible = palette.colors.filter { $0.a > 0 }
        let usable = visible.isEmpty ? palette.colors : visible
        candidates = usable.map { ($0, Oklab($0)) }
    }

    /// The nearest candidate by Oklab distance (the first on a tie); `color` itself when the palette is empty.
    func nearest(to color: RGBA) -> RGBA {
        let target = Oklab(color)
        var best = color
        var bestDistance = Double.infinity
        for candidate in candidates {
            let distance = candidate.lab.distanceSquared(to: target)
            if distance < bestDistance {
                best = candidate.color
                bestDistance = distance
            }
        }
        return best
    }
}
