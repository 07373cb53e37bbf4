/// Canvas operations: cropping to the sprite, padding to engine-friendly sizes, outlining.
extension RGBAImage {
    /// The smallest rectangle holding every visible pixel; a 1×1 clear image when nothing is visible.
    package func trimmed() -> RGBAImage {
        var minX = width
        var minY = height
        var maxX = -1
        var maxY = -1
        pixels.withUnsafeBufferPointer { buffer in
            for y in 0..<height {
                for x in 0..<width where buffer[(y * width + x) * 4 + 3] > 0 {
                    minX = min(minX, x)
                    maxX = max(maxX, x)
                    minY = min(minY, y)
                    maxY = max(maxY, y)
                }
            }
        }
        guard maxX >= 0 else { return RGBAImage(width: 1, height: 1) }
        return cropped(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }

    /// The `width` × `height` region whose top-left is (x, y), which must lie inside the image.
    package func cropped(x originX: Int, y originY: Int, width newWidth: Int, height newHeight: Int) -> RGBAImage {
        if originX == 0, originY == 0, newWidth == width, newHeight == height { return self }
        var output = [UInt8]()
        output.reserveCapacity(newWidth * newHeight * 4)
        for y in originY..<(originY + newHeight) {
            let start = (y * width + originX) * 4
            output.append(contentsOf: pixels[start..<(start + newWidth * 4)])
        }
        return RGBAImage(width: newWidth, height: newHeight, validPixels: output)
    }

    /// The image centred on a transparent canvas grown by `rule` (an odd extra pixel goes right / bottom).
    package func padded(_ rule: PadRule) -> RGBAImage {
        let size = rule.size(width: width, height: height)
        guard size != (width, height) else { return self }
        var canvas = RGBAImage(width: size.width, height: size.height)
        let left = (size.width - width) / 2
        let top = (size.height - height) / 2
        for y in 0..<height {
            for x in 0..<width { canvas[left + x, top + y] = self[x, y] }
        }
        return canvas
    }

    /// A 1-px outer outline: every transparent pixel 4-adjacent to a visible one becomes `color`.
    ///
    /// The canvas keeps its size, so content touching the border gets no outline there; pad first for room.
    package func outlined(with color: RGBA) -> RGBAImage {
        var result = self
        for y in 0..<height {
            for x in 0..<width where self[x, y].a == 0 {
                let touches =
                    (x > 0 && self[x - 1, y].a > 0) || (x < width - 1 && self[x + 1, y].a > 0)
                    || (y > 0 && self[x, y - 1].a > 0) || (y < height - 1 && self[x, y + 1].a > 0)
                if touches { result[x, y] = color }
            }
        }
        return result
    }
}
