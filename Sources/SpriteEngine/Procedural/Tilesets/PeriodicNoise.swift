/// Smooth value noise that repeats every `period` pixels both ways, so the boundary curve it bends continues across any
/// two tiles placed side by side, whatever the map.
///
/// Integer arithmetic, the same on every machine.
struct PeriodicNoise: Sendable {
    /// One layer of noise: a `lattice` × `lattice` grid of values over one period.
    private struct Octave: Sendable {
        let lattice: Int
        let values: [Int]
    }

    let period: Int
    private let octaves: [Octave]
    /// The largest magnitude `value` returns, in 1/4096.
    static let amplitude = 1_500

    init(period: Int, using random: inout SeededRandom) {
        self.period = period
        // A broad bend and, on tiles big enough to show it, a finer wobble at a third of the strength.
        let lattices = period >= 16 ? [3, 6] : [3]
        octaves = lattices.map { lattice in
            Octave(lattice: lattice, values: (0..<(lattice * lattice)).map { _ in random.next(below: 8_193) - 4_096 })
        }
    }

    /// The noise at the centre of pixel (x, y), any integers (it wraps), in 1/4096, within ±`amplitude`.
    func value(x: Int, y: Int) -> Int {
        let weights = octaves.count == 1 ? [Self.amplitude] : [Self.amplitude * 3 / 4, Self.amplitude / 4]
        var total = 0
        for (octave, weight) in zip(octaves, weights) {
            total += sample(octave, x: x, y: y) * weight / 4_096
        }
        return total
    }

    private func sample(_ octave: Octave, x: Int, y: Int) -> Int {
        let lattice = octave.lattice
        func position(_ coordinate: Int) -> (cell: Int, fraction: Int) {
            let wrapped = (coordinate % period + period) % period
            let fixed = (2 * wrapped + 1) * lattice * 4_096 / (2 * period)
            return (fixed / 4_096, Self.smooth(fixed % 4_096))
        }
        let (column, across) = position(x)
        let (row, down) = position(y)
        func at(_ c: Int, _ r: Int) -> Int { octave.values[(r % lattice) * lattice + c % lattice] }
        let top = at(column, row) * (4_096 - across) + at(column + 1, row) * across
        let bottom = at(column, row + 1) * (4_096 - across) + at(column + 1, row + 1) * across
        return (top / 4_096 * (4_096 - down) + bottom / 4_096 * down) / 4_096
    }

    /// Smoothstep on 0…4096.
    static func smooth(_ t: Int) -> Int {
        t * t / 4_096 * (3 * 4_096 - 2 * t) / 4_096
    }
}
