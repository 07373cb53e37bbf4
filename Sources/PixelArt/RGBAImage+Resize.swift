/// Nearest-neighbour resizing: the only resampling that keeps pixel art's hard edges and exact colours.
extension RGBAImage {
    /// Each pixel becomes a `factor` × `factor` block (for previews); a factor below 1 is treated as 1.
    package func scaledNearest(by factor: Int) -> RGBAImage {
        let factor = max(1, factor)
        guard factor > 1 else { return self }
        var scaled = RGBAImage(width: width * factor, height: height * factor)
        for y in 0..<scaled.height {
            for x in 0..<scaled.width {
                scaled[x, y] = self[x / factor, y / factor]
            }
        }
        return scaled
    }

    /// Resamples to `width` × `height` by nearest-centre sampling; sizes below 1 are treated as 1.
    ///
    /// Destination pixel x samples source x = floor((x + 0.5) × srcW / dstW), the source pixel under the
    /// destination pixel's centre, so downscaling an exactly upscaled image recovers the original.
    package func resizedNearest(width newWidth: Int, height newHeight: Int) -> RGBAImage {
        let newWidth = max(1, newWidth)
        let newHeight = max(1, newHeight)
        guard newWidth != width || newHeight != height else { return self }
        // Integer form of floor((x + 0.5) * src / dst), exact for every size.
        let sourceX = (0..<newWidth).map { min(width - 1, (2 * $0 + 1) * width / (2 * newWidth)) }
        let sourceY = (0..<newHeight).map { min(height - 1, (2 * $0 + 1) * height / (2 * newHeight)) }
        var resized = RGBAImage(width: newWidth, height: newHeight)
        for y in 0..<newHeight {
            for x in 0..<newWidth {
                resized[x, y] = self[sourceX[x], sourceY[y]]
            }
        }
        return resized
    }
}
