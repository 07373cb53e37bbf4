/// Scratch memory for k-centroid downscaling: one cell's pixels and up to three clusters, allocated once per
/// downscale instead of once per cell (a 64×64 output has 4096 cells), and read through pointers so the
/// per-pixel loops carry no bounds checks, reallocation checks or struct copies.
struct KCentroidCells: ~Copyable {
    /// The current cell's pixels, row by row, as the source's RGBA bytes.
    let pixels: UnsafeMutablePointer<SIMD4<UInt8>>
    private(set) var count = 0
    let centers = UnsafeMutablePointer<SIMD4<Int32>>.allocate(capacity: 3)
    private let sums = UnsafeMutablePointer<SIMD4<Int32>>.allocate(capacity: 3)
    let sizes = UnsafeMutablePointer<Int32>.allocate(capacity: 3)
    /// A mixed cell's channels as `Float` planes, four per block of four pixels (see `splitPlanes`).
    let planes: UnsafeMutablePointer<SIMD4<Float>>
    /// Each pixel's distance to the nearest centroid chosen so far, a block of four pixels a vector.
    let nearest: UnsafeMutablePointer<SIMD4<Float>>

    /// Room for cells of up to `capacity` pixels.
    init(capacity: Int) {
        pixels = .allocate(capacity: max(1, capacity))
        let blocks = (min(max(1, capacity), Self.planarLimit) + 3) / 4
        planes = .allocate(capacity: blocks * 4)
        nearest = .allocate(capacity: blocks)
    }

    deinit {
        pixels.deallocate()
        planes.deallocate()
        nearest.deallocate()
        centers.deallocate()
        sums.deallocate()
        sizes.deallocate()
    }

    /// Makes `columns` × `rows` of `source` (RGBA bytes, `width` pixels a row) the current cell.
    mutating func gather(_ source: UnsafeRawPointer, width: Int, columns: Range<Int>, rows: Range<Int>) {
        count = 0
        guard !columns.isEmpty else { return }
        for y in rows {
            UnsafeMutableRawPointer(pixels + count).copyMemory(
                from: source + (y * width + columns.lowerBound) * 4,
                byteCount: columns.count * 4
            )
            count += columns.count
        }
    }

    /// Squared RGBA distance under which a whole cell counts as one colour plus noise (about ±12 per channel).
    static let uniformCell: Int32 = 3 * 12 * 12

    /// The mean of the largest of `k` (2...3) k-means clusters of the current cell, 3 iterations.
    ///
    /// A cell whose pixels all lie near their mean is one colour plus noise: its mean is returned directly,
    /// since splitting noise into clusters would only bias the result. Otherwise the initial centroids are the
    /// pixel farthest from the mean and then, in turn, the pixel farthest from the centroids chosen so far (the
    /// first such pixel in row order on a tie). Sums wrap in `Int32` lanes, as they always have. Mixed cells of
    /// up to `planarLimit` pixels (whose sums cannot wrap) run the same steps four pixels at a time in
    /// `KCentroidCells+Planar.swift`; larger ones run the pixel-at-a-time loops below.
    func dominantMean(k: Int) -> RGBA {
        guard count > 0 else { return .clear }
        let cell = UnsafeBufferPointer(start: pixels, count: count)
        let total = Self.channelSums(cell)
        let mean = Self.rounded(total, count: Int32(count))
        // No channel more than 10 from the mean: no squared distance exceeds 4 × 10² = 400 ≤ `uniformCell`.
        if mean.min() >= 0, mean.max() <= 255,
            Self.allChannels(of: cell, within: 10, of: SIMD4<UInt8>(truncatingIfNeeded: mean))
        {
            return Self.color(mean)
        }
        if count <= Self.planarLimit { return planarDominantMean(k: k, mean: mean, total: total) }
        // The largest distance next (a loop without an index to carry); a uniform cell stops here.
        var largest: Int32 = 0
        for pixel in cell { largest = max(largest, Self.distance(Self.widened(pixel), mean)) }
        guard largest > Self.uniformCell,
            let farthest = cell.firstIndex(where: { Self.distance(Self.widened($0), mean) == largest })
        else { return Self.color(mean) }
        centers[0] = Self.widened(cell[farthest])
        var centerCount = 1
        while centerCount < k {
            var next = 0
            var nextDistance: Int32 = -1
            for index in 0..<count {
                let value = Self.widened(cell[index])
                var nearest = Int32.max
                for c in 0..<centerCount { nearest = min(nearest, Self.distance(value, centers[c])) }
                if nearest > nextDistance {
                    next = index
                    nextDistance = nearest
                }
            }
            if nextDistance <= 0 { break }
            centers[centerCount] = Self.widened(cell[next])
            centerCount += 1
        }
        for _ in 0..<3 { assignAndUpdate(cell, centerCount: centerCount) }
        var dominant = 0
        for c in 1..<centerCount where sizes[c] > sizes[dominant] { dominant = c }
        return Self.color(centers[dominant])
    }

    /// One k-means step: each pixel joins its nearest centroid (the lowest index on a tie), then each
    /// non-empty cluster's centroid moves to its rounded mean.
    private func assignAndUpdate(_ cell: UnsafeBufferPointer<SIMD4<UInt8>>, centerCount: Int) {
        for c in 0..<centerCount {
            sums[c] = .zero
            sizes[c] = 0
        }
        for pixel in cell {
            let value = Self.widened(pixel)
            var best = 0
            var bestDistance = Self.distance(value, centers[0])
            for c in 1..<centerCount {
                let d = Self.distance(value, centers[c])
                if d < bestDistance {
                    best = c
                    bestDistance = d
                }
            }
            sums[best] &+= value
            sizes[best] += 1
        }
        for c in 0..<centerCount where sizes[c] > 0 { centers[c] = Self.rounded(sums[c], count: sizes[c]) }
    }

    @inline(__always)
    private static func widened(_ pixel: SIMD4<UInt8>) -> SIMD4<Int32> {
        SIMD4<Int32>(truncatingIfNeeded: pixel)
    }

    @inline(__always)
    private static func distance(_ a: SIMD4<Int32>, _ b: SIMD4<Int32>) -> Int32 {
        let d = a &- b
        return (d &* d).wrappedSum()
    }

    static func rounded(_ sum: SIMD4<Int32>, count: Int32) -> SIMD4<Int32> {
        (sum &+ SIMD4(repeating: count / 2)) / SIMD4(repeating: count)
    }

    static func color(_ value: SIMD4<Int32>) -> RGBA {
        RGBA(UInt8(clamping: value.x), UInt8(clamping: value.y), UInt8(clamping: value.z), UInt8(clamping: value.w))
    }
}
