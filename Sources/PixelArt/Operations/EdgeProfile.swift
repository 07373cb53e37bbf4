/// Colour change summed along one axis: `values[p]` is the total difference between positions p - 1 and p.
struct EdgeProfile: Sendable {
    var values: [Double]

    /// The mean over all positions, the level a phase with no edges on it scores.
    var mean: Double {
        values.count > 1 ? values.dropFirst().reduce(0, +) / Double(values.count - 1) : 0
    }

    /// Differences between neighbouring columns, summed over rows.
    static func columns(of image: RGBAImage) -> EdgeProfile {
        profile(image, along: image.width, across: image.height) { along, across in (across * image.width + along) * 4 }
    }

    /// Differences between neighbouring rows, summed over columns.
    static func rows(of image: RGBAImage) -> EdgeProfile {
        profile(image, along: image.height, across: image.width) { along, across in (along * image.width + across) * 4 }
    }

    private static func profile(
        _ image: RGBAImage,
        along: Int,
        across: Int,
        index: (Int, Int) -> Int
    ) -> EdgeProfile {
        var sums = [Int](repeating: 0, count: along)
        image.pixels.withUnsafeBufferPointer { pixels in
            for position in 1..<max(1, along) {
                var total = 0
                for line in 0..<across {
                    let current = index(position, line)
                    let previous = index(position - 1, line)
                    total += abs(Int(pixels[current]) - Int(pixels[previous]))
                    total += abs(Int(pixels[current + 1]) - Int(pixels[previous + 1]))
                    total += abs(Int(pixels[current + 2]) - Int(pixels[previous + 2]))
                    total += abs(Int(pixels[current + 3]) - Int(pixels[previous + 3]))
                }
                sums[position] = total
            }
        }
        return EdgeProfile(values: sums.map(Double.init))
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
