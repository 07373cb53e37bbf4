import PixelArt

extension RGBAImage {
    /// The image with every transparent pixel replaced by `color` (for `background: "#rrggbb"`).
    func filledBackground(with color: RGBA) -> RGBAImage {
        var copy = self
        for y in 0..<height {
            for x in 0..<width where copy[x, y].a < 128 {
                copy[x, y] = color
            }
        }
        return copy
    }
}
