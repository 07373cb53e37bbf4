import PixelArt

extension FrameCompositor {
    /// Native pixels being posed, with room around the body; reads outside are empty, writes outside are dropped.
    struct Stage: Sendable {
        let width: Int
        let height: Int
        private(set) var pixels: [BodyPixel]

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

        /// Writes `source`'s pixels moved by (dx, dy), dropping those that land outside.
        mutating func stamp(_ source: [(x: Int, y: Int, pixel: BodyPixel)], dx: Int, dy: Int) {
            let (width, height) = (width, height)
            // Buffer pointers keep the loop free of reference counting, which otherwise dominates unoptimised builds.
            pixels.withUnsafeMutableBufferPointer { target in
                for (x, y, pixel) in source {
                    let (targetX, targetY) = (x + dx, y + dy)
                    if targetX >= 0 && targetY >= 0 && targetX < width && targetY < height {
                        target[targetY * width + targetX] = pixel
                    }
                }
            }
        }

        /// The stage resampled: pixel (x, y) takes source pixel (`columns[x]`, `rows[y]`), empty outside.
        func resampled(columns: [Int], rows: [Int]) -> Stage {
            var result = Stage(width: width, height: height)
            let (width, height) = (width, height)
            pixels.withUnsafeBufferPointer { source in
                result.pixels.withUnsafeMutableBufferPointer { target in
                    for y in 0..<height where rows[y] >= 0 && rows[y] < height {
                        let sourceRow = rows[y] * width
                        for x in 0..<width where columns[x] >= 0 && columns[x] < width {
                            target[y * width + x] = source[sourceRow + columns[x]]
                        }
                    }
                }
            }
            return result
        }
    }

    /// The posed stage painted onto the canvas in one pass: colours with the pose's shade (and its side shade: the
    /// right half darker, the left lighter for a positive one), the outline around the body as the still sprite draws
    /// it, the fade, and each native pixel as a `scale` × `scale` block where the still sprite sits, moved by the
    /// pose's offset and nudge; what falls outside the canvas is cut off.
    func painted(_ stage: Stage, _ pose: FramePose) -> RGBAImage {
        let stageWidth = stage.width
        let detail = layout.detail
        let scale = layout.scale
        let centreX = margin + layer.width / 2
        // Ramp colours by part and level for the three side shades, looked up per pixel.
        let tables = [-1, 0, 1].map { side in
            SpritePart.allCases.flatMap { part in
                (0..<5).map { colours.ramp(for: part)[$0 + pose.shade + side * pose.sideShade] }
            }
        }
        let bayer = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5]
        let unit = pose.movesByPixel ? 1 : detail
        let originX = (width - layer.width * scale) / 2 + (pose.offset.dx * unit + pose.nudge.dx - margin) * scale
        let originY = (height - layer.height * scale) / 2 + (pose.offset.dy * unit + pose.nudge.dy - margin) * scale
        var bytes = [UInt8](repeating: 0, count: width * height * 4)
        let (width, height) = (width, height)
        // Buffer pointers keep the loop free of reference counting, which otherwise dominates unoptimised builds.
        stage.pixels.withUnsafeBufferPointer { pixels in
            bytes.withUnsafeMutableBufferPointer { bytes in
                for y in 0..<stage.height {
                    let top = originY + y * scale
                    guard top + scale > 0, top < height else { continue }
                    for x in 0..<stageWidth {
                        let left = originX + x * scale
                        guard left + scale > 0, left < width else { continue }
                        let index = y * stageWidth + x
                        let colour: RGBA
                        switch pixels[index] {
                        case .empty:
                            guard outline else { continue }
                            let touchesBody =
                                (x > 0 && pixels[index - 1].isFilled)
                                || (x + 1 < stageWidth && pixels[index + 1].isFilled)
                                || (y > 0 && pixels[index - stageWidth].isFilled)
                                || (y + 1 < stage.height && pixels[index + stageWidth].isFilled)
                            guard touchesBody else { continue }
                            colour = colours.outline
                        case .line: colour = colours.outline
                        case .eye: colour = colours.eye
                        case .glint: colour = colours.glint
                        case .shaded(let part, let level):
                            let side = pose.sideShade == 0 ? 1 : (x < centreX ? 0 : 2)
                            colour = tables[side][part.rawValue * 5 + min(max(level, 0), 4)]
                        }
                        // The fade removes `dissolve` sixteenths of the cells by a 4 × 4 Bayer matrix, so the body
                        // keeps its shape while it thins.
                        if pose.dissolve > 0 && bayer[(y / detail % 4) * 4 + x / detail % 4] < pose.dissolve {
                            continue
                        }
                        for blockY in max(0, top)..<min(height, top + scale) {
                            for blockX in max(0, left)..<min(width, left + scale) {
                                let byte = (blockY * width + blockX) * 4
                                bytes[byte] = colour.r
                                bytes[byte + 1] = colour.g
                                bytes[byte + 2] = colour.b
                                bytes[byte + 3] = colour.a
                            }
                        }
                    }
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: bytes) ?? RGBAImage(width: width, height: height)
    }
}
