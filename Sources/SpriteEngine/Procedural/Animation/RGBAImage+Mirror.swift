import PixelArt

extension RGBAImage {
    /// The image flipped left to right: how right-facing rows are drawn from left-facing ones.
    var mirroredHorizontally: RGBAImage {
        var bytes = pixels
        let width = width
        // Buffer pointers keep the loop free of reference counting, which otherwise dominates unoptimised builds.
        pixels.withUnsafeBufferPointer { source in
            bytes.withUnsafeMutableBufferPointer { target in
                for row in stride(from: 0, to: source.count, by: width * 4) {
                    for x in 0..<width {
                        let from = row + x * 4
                        let to = row + (width - 1 - x) * 4
                        target[to] = source[from]
                        target[to + 1] = source[from + 1]
                        target[to + 2] = source[from + 2]
                        target[to + 3] = source[from + 3]
                    }
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: bytes) ?? self
    }
}
