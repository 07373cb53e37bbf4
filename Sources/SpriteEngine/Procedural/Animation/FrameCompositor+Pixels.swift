import PixelArt

extension FrameCompositor {
    /// Native pixels being posed, with room around the body; reads outside are empty, writes outside are dropped.
    struct Stage: Sendable {
        let width: Int
        let height: Int
        private var pixels: [BodyPixel]

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            pixels = Array(repeating: .empty, count: width * height)
        }

        func contains(_ x: Int, _ y: Int) -> Bool {
            x >= 0 && y >= 0 && x < width && y < height
        }

        subscript(x: Int, y: Int) -> BodyPixel {
            get { contains(x, y) ? pixels[y * width + x] : .empty }
            set { if contains(x, y) { pixels[y * width + x] = newValue } }
        }
    }

    /// The stage in colour: the pose's shade everywhere, plus its side shade (right half darker, left half lighter for
    /// a positive one).
    func coloured(_ stage: Stage, _ pose: FramePose) -> [RGBA?] {
        let centreX = margin + layer.width / 2
        var colours = [RGBA?](repeating: nil, count: stage.width * stage.height)
        for y in 0..<stage.height {
            for x in 0..<stage.width {
                let side = pose.sideShade == 0 ? 0 : (x < centreX ? -pose.sideShade : pose.sideShade)
                colours[y * stage.width + x] = self.colours.colour(of: stage[x, y], shade: pose.shade + side)
            }
        }
        return colours
    }

    /// The outline: every empty pixel with a filled 4-neighbour, as the still sprite draws it.
    func addOutline(_ colours: inout [RGBA?], _ stage: Stage) {
        for y in 0..<stage.height {
            for x in 0..<stage.width where !stage[x, y].isFilled {
                let touchesBody =
                    stage[x - 1, y].isFilled || stage[x + 1, y].isFilled || stage[x, y - 1].isFilled
                    || stage[x, y + 1].isFilled
                if touchesBody { colours[y * stage.width + x] = self.colours.outline }
            }
        }
    }

    /// Removes `level` sixteenths of the pixels by a 4 × 4 Bayer matrix over cells, so the fade keeps the body's
    /// shape while it thins.
    func dissolve(_ colours: inout [RGBA?], level: Int) {
        let bayer = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5]
        let stageWidth = layer.width + 2 * margin
        let detail = layout.detail
        for index in colours.indices {
            let cellX = index % stageWidth / detail
            let cellY = index / stageWidth / detail
            if bayer[(cellY % 4) * 4 + cellX % 4] < level { colours[index] = nil }
        }
    }

    /// The coloured stage on the canvas, where the still sprite sits, moved by the pose's offset and nudge, each
    /// native pixel a `scale` × `scale` block; what falls outside the canvas is cut off.
    func placed(_ colours: [RGBA?], _ pose: FramePose) -> RGBAImage {
        let scale = layout.scale
        let stageWidth = layer.width + 2 * margin
        let shiftX = pose.offset.dx * layout.detail + pose.nudge.dx - margin
        let shiftY = pose.offset.dy * layout.detail + pose.nudge.dy - margin
        let originX = (width - layer.width * scale) / 2 + shiftX * scale
        let originY = (height - layer.height * scale) / 2 + shiftY * scale
        var canvas = RGBAImage(width: width, height: height)
        for (index, colour) in colours.enumerated() {
            guard let colour else { continue }
            let left = originX + index % stageWidth * scale
            let top = originY + index / stageWidth * scale
            guard left + scale > 0, top + scale > 0, left < width, top < height else { continue }
            for y in max(0, top)..<min(height, top + scale) {
                for x in max(0, left)..<min(width, left + scale) { canvas[x, y] = colour }
            }
        }
        return canvas
    }
}
