import PixelArt

extension RGBAImage {
    /// The image flipped left to right: how right-facing rows are drawn from left-facing ones.
    var mirroredHorizontally: RGBAImage {
        var mirrored = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width { mirrored[width - 1 - x, y] = self[x, y] }
        }
        return mirrored
    }
}
