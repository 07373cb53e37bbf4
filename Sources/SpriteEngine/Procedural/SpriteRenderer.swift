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
        let width = mask.width * detail + 2
        let height = mask.height * detail + 2
        func cell(_ x: Int, _ y: Int) -> MaskPixel {
            guard x >= 1, y >= 1 else { return .empty }
            return mask[(x - 1) / detail, (y - 1) / detail]
        }
        let bounds = filledBounds(mask, detail: detail)
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                switch cell(x, y) {
                case .empty:
                    let touchesBody = [cell(x - 1, y), cell(x + 1, y), cell(x, y - 1), cell(x, y + 1)]
                        .contains(where: \.isFilled)
                    if outline && touchesBody { image[x, y] = colours.outline }
                case .border:
                    image[x, y] = colours.outline
                case .body(.eye):
                    let isBlockCorner = (x - 1) % detail == 0 && (y - 1) % detail == 0
                    let startsEye = cell(x - 1, y) != .body(.eye) && cell(x, y - 1) != .body(.eye)
                    image[x, y] = detail >= 2 && isBlockCorner && startsEye ? colours.glint : colours.eye
                case .body(let part):
                    let here = MaskPixel.body(part)
                    var level = ShadeRamp.baseIndex + bounds.gradient(x: x, y: y)
                    // A lit rim on top and left, a shaded one on bottom and right; at one pixel per cell every
                    // pixel is rim, so small sprites get the broad gradient only.
                    if detail >= 2 {
                        if cell(x - 1, y) != here || cell(x, y - 1) != here { level -= 1 }
                        if cell(x + 1, y) != here || cell(x, y + 1) != here { level += 1 }
                    }
                    image[x, y] = colours.ramp(for: part)[level]
                }
            }
        }
        return image
    }

    private func filledBounds(_ mask: SpriteMask, detail: Int) -> LightGradient {
        var minX = Int.max
        var minY = Int.max
        var maxX = Int.min
        var maxY = Int.min
        for y in 0..<mask.height {
            for x in 0..<mask.width where mask[x, y].isFilled {
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = max(maxY, y)
            }
        }
        guard minX <= maxX else { return LightGradient(minX: 0, minY: 0, spanX: 1, spanY: 1) }
        return LightGradient(
            minX: minX * detail + 1,
            minY: minY * detail + 1,
            spanX: max(1, (maxX - minX + 1) * detail),
            spanY: max(1, (maxY - minY + 1) * detail)
        )
    }
}

/// Light from the top left across the sprite's bounding box: -1 (lit) near that corner, +1 (shaded) far from it.
struct LightGradient: Sendable {
    let minX: Int
    let minY: Int
    let spanX: Int
    let spanY: Int

    func gradient(x: Int, y: Int) -> Int {
        let across = (x - minX) * 256 / spanX
        let down = (y - minY) * 256 / spanY
        let position = (across + 2 * down) / 3
        if position < 72 { return -1 }
        if position > 184 { return 1 }
        return 0
    }
}
