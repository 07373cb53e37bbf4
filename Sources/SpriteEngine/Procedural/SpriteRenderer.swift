import PixelArt

/// Draws a filled mask as a shaded, outlined sprite at native resolution, then places it on the canvas.
struct SpriteRenderer: Sendable {
    let colours: SpriteColours
    let outline: Bool

    /// The sprite scaled by `layout.scale` and centred on a transparent `width` × `height` canvas.
    func render(_ mask: SpriteMask, layout: SpriteLayout, width: Int, height: Int) -> RGBAImage {
        let native = renderNative(mask, detail: layout.detail)
        var canvas = RGBAImage(width: width, height: height)
        let scale = layout.scale
        let offsetX = (width - native.width * scale) / 2
        let offsetY = (height - native.height * scale) / 2
        for y in 0..<native.height {
            for x in 0..<native.width {
                let colour = native[x, y]
                guard colour.isOpaque else { continue }
                for dy in 0..<scale {
                    for dx in 0..<scale { canvas[offsetX + x * scale + dx, offsetY + y * scale + dy] = colour }
                }
            }
        }
        return canvas
    }

    /// `detail` pixels per cell plus a one-pixel ring for the outline.
    func renderNative(_ mask: SpriteMask, detail: Int) -> RGBAImage {
        let layer = BodyLayer(mask: mask, detail: detail)
        var image = RGBAImage(width: layer.width, height: layer.height)
        for y in 0..<layer.height {
            for x in 0..<layer.width {
                if let colour = colours.colour(of: layer[x, y]) {
                    image[x, y] = colour
                } else if outline {
                    let touchesBody = [layer[x - 1, y], layer[x + 1, y], layer[x, y - 1], layer[x, y + 1]]
                        .contains(where: \.isFilled)
                    if touchesBody { image[x, y] = colours.outline }
                }
            }
        }
        return image
    }
}
