/// How `RGBAImage.padded(_:)` grows the canvas with transparent pixels.
package enum PadRule: Sendable, Hashable {
    /// The longer side, both ways.
    case square
    /// Each side up to the next multiple of N (N ≥ 1).
    case multipleOf(Int)
    /// Each side up to the next power of two.
    case powerOfTwo

    /// The padded size of a `width` × `height` canvas.
    func size(width: Int, height: Int) -> (width: Int, height: Int) {
        switch self {
        case .square:
            let side = max(width, height)
            return (side, side)
        case .multipleOf(let n):
            let n = max(1, n)
            return ((width + n - 1) / n * n, (height + n - 1) / n * n)
        case .powerOfTwo:
            func next(_ value: Int) -> Int {
                var power = 1
                while power < value { power *= 2 }
                return power
            }
            return (next(width), next(height))
        }
    }
}
