/// A before/after preview: one row per image, the source shrunk and the result enlarged to the same cell size.
package enum ContactSheet {
    /// Pairs side by side on a neutral backdrop, each image fitted into a `cell` × `cell` square by
    /// nearest-neighbour scaling (whole multiples when enlarging, so result pixels stay square).
    package static func make(_ pairs: [(before: RGBAImage, after: RGBAImage)], cell: Int = 128) -> RGBAImage {
        let gap = 4
        let cell = max(8, cell)
        let rows = max(1, pairs.count)
        var sheet = RGBAImage(
            width: 2 * cell + 3 * gap,
            height: rows * cell + (rows + 1) * gap,
            fill: RGBA(48, 48, 56)
        )
        for (row, pair) in pairs.enumerated() {
            let top = gap + row * (cell + gap)
            paste(fitted(pair.before, cell: cell), into: &sheet, left: gap, top: top, cell: cell)
            paste(fitted(pair.after, cell: cell), into: &sheet, left: 2 * gap + cell, top: top, cell: cell)
        }
        return sheet
    }

    static func fitted(_ image: RGBAImage, cell: Int) -> RGBAImage {
        let longest = max(image.width, image.height)
        if longest <= cell { return image.scaledNearest(by: cell / longest) }
        return image.resizedNearest(
            width: max(1, image.width * cell / longest),
            height: max(1, image.height * cell / longest)
        )
    }

    /// Draws `image` centred in the cell, blending alpha over a checkerboard so transparency shows.
    static func paste(_ image: RGBAImage, into sheet: inout RGBAImage, left: Int, top: Int, cell: Int) {
        let x0 = left + (cell - image.width) / 2
        let y0 = top + (cell - image.height) / 2
        for y in 0..<cell {
            for x in 0..<cell {
                let checker: UInt8 = ((x / 8 + y / 8) % 2 == 0) ? 200 : 160
                var color = RGBA(checker, checker, checker)
                let (ix, iy) = (left + x - x0, top + y - y0)
                if image.contains(x: ix, y: iy) {
                    let pixel = image[ix, iy]
                    let alpha = Int(pixel.a)
                    func blend(_ over: UInt8, _ under: UInt8) -> UInt8 {
                        UInt8((Int(over) * alpha + Int(under) * (255 - alpha) + 127) / 255)
                    }
                    color = RGBA(blend(pixel.r, checker), blend(pixel.g, checker), blend(pixel.b, checker))
                }
                sheet[left + x, top + y] = color
            }
        }
    }
}
