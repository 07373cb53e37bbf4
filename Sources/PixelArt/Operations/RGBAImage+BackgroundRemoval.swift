/// Background removal: clearing the flat backdrop diffusion models paint behind a sprite.
extension RGBAImage {
    /// Clears every pixel connected (4-neighbour) to the border whose colour is within `tolerance` of the
    /// most common border colour: a flood fill seeded at each matching border pixel, so enclosed areas of
    /// the same colour inside the sprite survive.
    ///
    /// `tolerance` is the largest per-channel RGB difference (0...255) still counted as background.
    package func removingBackground(tolerance: Int = 24) -> RGBAImage {
        var result = self
        result.removeBackground(tolerance: tolerance)
        return result
    }

    /// `removingBackground(tolerance:)` in place: no copy of the pixels when this image holds the only
    /// reference to them, as the pipeline's freshly decoded image does.
    package mutating func removeBackground(tolerance: Int = 24) {
        guard let key = dominantBorderColor() else { return }
        let (width, height) = (width, height)
        withUnsafeMutablePixels { pixels in
            BackgroundFill.clear(pixels, width: width, height: height, key: key, tolerance: tolerance)
        }
    }

    /// Clears every pixel (anywhere, not only connected ones) within `tolerance` of `key`'s RGB.
    package func removingKeyColor(_ key: RGBA, tolerance: Int = 0) -> RGBAImage {
        var output = pixels
        output.withUnsafeMutableBufferPointer { buffer in
            for index in stride(from: 0, to: buffer.count, by: 4)
            where Self.isNear(buffer, index, key, tolerance) {
                buffer[index] = 0
                buffer[index + 1] = 0
                buffer[index + 2] = 0
                buffer[index + 3] = 0
            }
        }
        return RGBAImage(width: width, height: height, validPixels: output)
    }

    /// The most frequent colour on the image border (lowest packed value on a tie); nil when it is already clear.
    func dominantBorderColor() -> RGBA? {
        var counts: [UInt32: Int] = [:]
        for x in 0..<width {
            counts[self[x, 0].packed, default: 0] += 1
            counts[self[x, height - 1].packed, default: 0] += 1
        }
        for y in 0..<height {
            counts[self[0, y].packed, default: 0] += 1
            counts[self[width - 1, y].packed, default: 0] += 1
        }
        let best = counts.max { lhs, rhs in lhs.value < rhs.value || (lhs.value == rhs.value && lhs.key > rhs.key) }
        guard let packed = best?.key else { return nil }
        let color = RGBA(packed: packed)
        return color.isTransparent ? nil : color
    }

    /// Whether the visible pixel at byte `index` is within `tolerance` of `key` on every RGB channel.
    @inline(__always)
    private static func isNear(
        _ buffer: UnsafeMutableBufferPointer<UInt8>,
        _ index: Int,
        _ key: RGBA,
        _ tolerance: Int
    )
        -> Bool
    {
        buffer[index + 3] != 0 && abs(Int(buffer[index]) - Int(key.r)) <= tolerance
            && abs(Int(buffer[index + 1]) - Int(key.g)) <= tolerance
            && abs(Int(buffer[index + 2]) - Int(key.b)) <= tolerance
    }
}
