/// Colour change summed along one axis: `values[p]` is the total difference between positions p - 1 and p.
struct EdgeProfile: Sendable {
    var values: [Double]

    /// The mean over all positions, the level a phase with no edges on it scores.
    var mean: Double {
        values.count > 1 ? values.dropFirst().reduce(0, +) / Double(values.count - 1) : 0
    }

    /// Differences between neighbouring columns, summed over rows.
    static func columns(of image: RGBAImage) -> EdgeProfile {
        var sums = [Int](repeating: 0, count: image.width)
        let width = image.width
        image.pixels.withUnsafeBufferPointer { pixels in
            sums.withUnsafeMutableBufferPointer { sums in
                for y in 0..<image.height {
                    let row = y * width * 4
                    for x in 1..<max(1, width) {
                        sums[x] += difference(pixels, row + x * 4, row + x * 4 - 4)
                    }
                }
            }
        }
        return EdgeProfile(values: sums.map(Double.init))
    }

    /// Differences between neighbouring rows, summed over columns.
    static func rows(of image: RGBAImage) -> EdgeProfile {
        var sums = [Int](repeating: 0, count: image.height)
        let stride = image.width * 4
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 1..<max(1, image.height) {
                var total = 0
                let row = y * stride
                for offset in Swift.stride(from: 0, to: stride, by: 4) {
                    total += difference(pixels, row + offset, row + offset - stride)
                }
                sums[y] = total
            }
        }
        return EdgeProfile(values: sums.map(Double.init))
    }

    /// The summed absolute RGBA difference between the pixels at byte offsets `a` and `b`.
    @inline(__always)
    private static func difference(_ pixels: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Int {
        abs(Int(pixels[a]) - Int(pixels[b])) + abs(Int(pixels[a + 1]) - Int(pixels[b + 1]))
            + abs(Int(pixels[a + 2]) - Int(pixels[b + 2])) + abs(Int(pixels[a + 3]) - Int(pixels[b + 3]))
    }

    /// The mean change at positions ≡ `phase` (mod `scale`), skipping position 0 (no left neighbour).
    func phaseMean(scale: Int, phase: Int) -> Double {
        var total = 0.0
        var count = 0
        var position = phase == 0 ? scale : phase
        while position < values.count {
            total += values[position]
            count += 1
            position += scale
        }
        return count > 0 ? total / Double(count) : 0
    }

    /// How far the best phase of `scale` stands above the mean.
    func strength(scale: Int) -> Double {
        let best = (0..<scale).map { phaseMean(scale: scale, phase: $0) }.max() ?? 0
        return best - mean
    }

    /// The phase of `scale` where edges fall, each phase scored with half of its two neighbours (scale ≥ 3).
    func phase(scale: Int) -> Int {
        let means = (0..<scale).map { phaseMean(scale: scale, phase: $0) }
        var best = 0
        var bestScore = -Double.infinity
        for phase in 0..<scale {
            var score = means[phase]
            if scale >= 3 {
                score += 0.5 * (means[(phase + scale - 1) % scale] + means[(phase + 1) % scale])
            }
            if score > bestScore {
                best = phase
                bestScore = score
            }
        }
        return best
    }
}
