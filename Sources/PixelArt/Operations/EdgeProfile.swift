/// Colour change summed along one axis: `values[p]` is the total difference between positions p - 1 and p.
struct EdgeProfile: Sendable {
    let values: [Double]
    /// The mean over positions 1..., the level a phase with no edges on it scores (kept, since every scale's
    /// strength is measured against it).
    let mean: Double

    init(values: [Double]) {
        self.values = values
        mean = values.count > 1 ? values.dropFirst().reduce(0, +) / Double(values.count - 1) : 0
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
