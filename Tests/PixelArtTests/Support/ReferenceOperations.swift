@testable import PixelArt

/// The pixel-art operations as they were written before they were tuned for speed (per-pixel subscripts, a
/// pixel stack, `Array`s per cell), kept here so tests can check the fast versions give the same bytes.
enum ReferenceOperations {
    // MARK: k-centroid

    /// Output pixel (i, j) is the dominant mean of source columns `columns[i]`, rows `rows[j]`.
    static func kCentroid(_ image: RGBAImage, columns: [Range<Int>], rows: [Range<Int>], clusters: Int) -> RGBAImage {
        let k = min(max(2, clusters), 3)
        var output = RGBAImage(width: columns.count, height: rows.count)
        for j in 0..<rows.count {
            for i in 0..<columns.count {
                var cell: [SIMD4<Int32>] = []
                for y in rows[j] {
                    for x in columns[i] {
                        let color = image[x, y]
                        cell.append(SIMD4(Int32(color.r), Int32(color.g), Int32(color.b), Int32(color.a)))
                    }
                }
                output[i, j] = dominantMean(of: cell, k: k)
            }
        }
        return output
    }

    /// The mean of the largest of `k` k-means clusters (3 iterations), or the mean of a near-uniform cell.
    static func dominantMean(of cell: [SIMD4<Int32>], k: Int) -> RGBA {
        guard !cell.isEmpty else { return .clear }
        func distance(_ a: SIMD4<Int32>, _ b: SIMD4<Int32>) -> Int32 {
            let d = a &- b
            return (d &* d).wrappedSum()
        }
        func rounded(_ sum: SIMD4<Int32>, count: Int32) -> SIMD4<Int32> {
            (sum &+ SIMD4(repeating: count / 2)) / SIMD4(repeating: count)
        }
        func color(_ value: SIMD4<Int32>) -> RGBA {
            RGBA(UInt8(clamping: value.x), UInt8(clamping: value.y), UInt8(clamping: value.z), UInt8(clamping: value.w))
        }
        let mean = rounded(cell.reduce(.zero, &+), count: Int32(cell.count))
        var farthest = 0
        for (index, value) in cell.enumerated() where distance(value, mean) > distance(cell[farthest], mean) {
            farthest = index
        }
        guard distance(cell[farthest], mean) > 3 * 12 * 12 else { return color(mean) }
        var centers = [cell[farthest]]
        while centers.count < k {
            let nearest = cell.map { value in centers.map { distance(value, $0) }.min() ?? 0 }
            var next = 0
            for index in cell.indices where nearest[index] > nearest[next] { next = index }
            if nearest[next] <= 0 { break }
            centers.append(cell[next])
        }
        var sizes = [Int32](repeating: 0, count: centers.count)
        for _ in 0..<3 {
            var sums = [SIMD4<Int32>](repeating: .zero, count: centers.count)
            sizes = [Int32](repeating: 0, count: centers.count)
            for value in cell {
                var best = 0
                for c in centers.indices where distance(value, centers[c]) < distance(value, centers[best]) {
                    best = c
                }
                sums[best] &+= value
                sizes[best] += 1
            }
            for c in centers.indices where sizes[c] > 0 { centers[c] = rounded(sums[c], count: sizes[c]) }
        }
        var dominant = 0
        for c in centers.indices where sizes[c] > sizes[dominant] { dominant = c }
        return color(centers[dominant])
    }

    // MARK: flood fill

    /// Clears every pixel 4-connected to the border through pixels within `tolerance` of the dominant border colour.
    static func removingBackground(_ image: RGBAImage, tolerance: Int) -> RGBAImage {
        guard let key = image.dominantBorderColor() else { return image }
        func matches(_ x: Int, _ y: Int, in image: RGBAImage) -> Bool {
            let color = image[x, y]
            return color.a != 0 && abs(Int(color.r) - Int(key.r)) <= tolerance
                && abs(Int(color.g) - Int(key.g)) <= tolerance && abs(Int(color.b) - Int(key.b)) <= tolerance
        }
        var output = image
        var stack: [(Int, Int)] = []
        for x in 0..<image.width {
            stack.append((x, 0))
            stack.append((x, image.height - 1))
        }
        for y in 0..<image.height {
            stack.append((0, y))
            stack.append((image.width - 1, y))
        }
        while let (x, y) = stack.popLast() {
            guard output.contains(x: x, y: y), matches(x, y, in: output) else { continue }
            output[x, y] = .clear
            stack.append(contentsOf: [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)])
        }
        return output
    }

    // MARK: grid detection

    /// `values[p]`: summed absolute RGBA difference between columns p - 1 and p (0 for p = 0).
    static func columnProfile(_ image: RGBAImage) -> [Double] {
        (0..<image.width).map { x in
            guard x > 0 else { return 0 }
            return Double((0..<image.height).reduce(0) { $0 + difference(image[x, $1], image[x - 1, $1]) })
        }
    }

    /// `values[p]`: summed absolute RGBA difference between rows p - 1 and p (0 for p = 0).
    static func rowProfile(_ image: RGBAImage) -> [Double] {
        (0..<image.height).map { y in
            guard y > 0 else { return 0 }
            return Double((0..<image.width).reduce(0) { $0 + difference(image[$1, y], image[$1, y - 1]) })
        }
    }

    private static func difference(_ a: RGBA, _ b: RGBA) -> Int {
        abs(Int(a.r) - Int(b.r)) + abs(Int(a.g) - Int(b.g)) + abs(Int(a.b) - Int(b.b)) + abs(Int(a.a) - Int(b.a))
    }

    /// Mean over positions 1..., the mean change at positions ≡ phase (mod scale), and the scores detection uses.
    struct Profile {
        var values: [Double]

        var mean: Double {
            values.count > 1 ? values.dropFirst().reduce(0, +) / Double(values.count - 1) : 0
        }

        func phaseMean(scale: Int, phase: Int) -> Double {
            let positions = Array(stride(from: phase == 0 ? scale : phase, to: values.count, by: scale))
            return positions.isEmpty ? 0 : positions.reduce(0) { $0 + values[$1] } / Double(positions.count)
        }

        func strength(scale: Int) -> Double {
            ((0..<scale).map { phaseMean(scale: scale, phase: $0) }.max() ?? 0) - mean
        }

        func phase(scale: Int) -> Int {
            let means = (0..<scale).map { phaseMean(scale: scale, phase: $0) }
            var best = 0
            var bestScore = -Double.infinity
            for phase in 0..<scale {
                var score = means[phase]
                if scale >= 3 { score += 0.5 * (means[(phase + scale - 1) % scale] + means[(phase + 1) % scale]) }
                if score > bestScore {
                    best = phase
                    bestScore = score
                }
            }
            return best
        }
    }

    /// `PixelGrid.detect` on the reference profiles.
    static func detectGrid(in image: RGBAImage, maxScale: Int = 64) -> PixelGrid {
        let columns = Profile(values: columnProfile(image))
        let rows = Profile(values: rowProfile(image))
        let limit = min(maxScale, image.width / 6, image.height / 6)
        guard limit >= 2 else { return PixelGrid(scale: 1) }
        let scores = (2...limit).map { ($0, columns.strength(scale: $0) + rows.strength(scale: $0)) }
        let best = scores.map(\.1).max() ?? 0
        guard best > 0, let scale = scores.first(where: { $0.1 >= 0.8 * best })?.0 else { return PixelGrid(scale: 1) }
        let peak = columns.strength(scale: scale) + rows.strength(scale: scale)
        guard peak >= 0.2 * (columns.mean + rows.mean) else { return PixelGrid(scale: 1) }
        return PixelGrid(scale: scale, offsetX: columns.phase(scale: scale), offsetY: rows.phase(scale: scale))
    }
}
