/// SplitMix64: a tiny, fast generator whose output depends only on its seed, on every platform and Swift version.
///
/// The procedural engine draws through `next(below:)` and `chance(percent:)` rather than the standard library's
/// `random(in:using:)`, whose algorithm is not promised to stay the same across releases.
package struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (0 when `bound` is not positive), by the multiply-high method.
    package mutating func next(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// True with the given probability in percent.
    package mutating func chance(percent: Int) -> Bool {
        next(below: 100) < percent
    }

    /// One element of a non-empty array, or nil when it is empty.
    package mutating func pick<Element>(_ elements: [Element]) -> Element? {
        elements.isEmpty ? nil : elements[next(below: elements.count)]
    }
}
