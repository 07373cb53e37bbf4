/// k-means on a mixed cell four pixels a step: the cell's channels are split into planes of `Float` lanes, so
/// a squared distance for four pixels is four subtractions, four multiplications and three additions, and a
/// k-means assignment compares centroids through one linear function of the channels per pair, instead of a
/// pixel-at-a-time `SIMD4<Int32>` product (an emulated 32-bit multiply on baseline x86-64) and a horizontal sum
/// for every pixel and centroid.
///
/// Exact, not approximate: channels and centroids are integers in 0...255, so every squared distance is an
/// integer of at most 4 × 255² = 260 100, every distance difference (and partial sum) at most 12 × 255² in
/// magnitude, and every lane's channel sum at most 16 384 × 255 for a cell of up to `planarLimit` pixels, all
/// below 2²⁴ where `Float` holds every integer. The choices and means are the ones the `Int32` path makes,
/// tie for tie.
extension KCentroidCells {
    /// The largest cell the planar path takes (larger ones keep the `Int32` path, whose sums may wrap).
    static let planarLimit = 1 << 16

    /// Splits the current cell into `planes` (red, green, blue, alpha of pixels 4b..<4b+4 at 4b...4b+3); the
    /// lanes past the last pixel are zero.
    func splitPlanes() {
        let words = UnsafeRawPointer(pixels)
        let mask = SIMD4<UInt32>(repeating: 0xFF)
        func split(_ word: SIMD4<UInt32>, into block: Int) {
            planes[block * 4] = SIMD4<Float>(SIMD4<Int32>(truncatingIfNeeded: word & mask))
            planes[block * 4 + 1] = SIMD4<Float>(SIMD4<Int32>(truncatingIfNeeded: word &>> 8 & mask))
            planes[block * 4 + 2] = SIMD4<Float>(SIMD4<Int32>(truncatingIfNeeded: word &>> 16 & mask))
            planes[block * 4 + 3] = SIMD4<Float>(SIMD4<Int32>(truncatingIfNeeded: word &>> 24))
        }
        let full = count / 4
        for block in 0..<full {
            split(words.loadUnaligned(fromByteOffset: block * 16, as: SIMD4<UInt32>.self), into: block)
        }
        if count % 4 != 0 {
            var word = SIMD4<UInt32>.zero
            for lane in 0..<(count % 4) {
                word[lane] = words.loadUnaligned(fromByteOffset: (full * 4 + lane) * 4, as: UInt32.self)
            }
            split(word, into: full)
        }
    }

    /// The squared distances from the pixels of `block` to `center` (broadcast channel by channel).
    @inline(__always)
    func planarDistances(
        _ block: Int,
        _ center: (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>)
    )
        -> SIMD4<Float>
    {
        let r = planes[block * 4] - center.0
        let g = planes[block * 4 + 1] - center.1
        let b = planes[block * 4 + 2] - center.2
        let a = planes[block * 4 + 3] - center.3
        return (r * r + g * g) + (b * b + a * a)
    }

    /// |p − b|² − |p − a|² = p · 2(a − b) + |b|² − |a|² as plane weights and a constant (integers whose
    /// magnitude, and every partial sum's, stays under 12 × 255² < 2²⁴ for channels and centroids in 0...255).
    static func difference(
        _ a: SIMD4<Int32>,
        _ b: SIMD4<Int32>
    ) -> (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) {
        let weights = 2 &* (a &- b)
        let constant = (b &* b).wrappedSum() - (a &* a).wrappedSum()
        return (
            SIMD4(repeating: Float(weights.x)), SIMD4(repeating: Float(weights.y)),
            SIMD4(repeating: Float(weights.z)), SIMD4(repeating: Float(weights.w)),
            SIMD4(repeating: Float(constant))
        )
    }

    /// `difference`'s value at the pixels of `block`.
    @inline(__always)
    func planarLinear(
        _ block: Int,
        _ f: (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>)
    )
        -> SIMD4<Float>
    {
        let rg = planes[block * 4] * f.0 + planes[block * 4 + 1] * f.1
        let ba = planes[block * 4 + 2] * f.2 + planes[block * 4 + 3] * f.3
        return (rg + ba) + f.4
    }

    @inline(__always)
    static func broadcast(_ center: SIMD4<Int32>) -> (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) {
        (
            SIMD4(repeating: Float(center.x)), SIMD4(repeating: Float(center.y)),
            SIMD4(repeating: Float(center.z)), SIMD4(repeating: Float(center.w))
        )
    }

    /// `dominantMean` for a mixed cell of at most `planarLimit` pixels whose channel sums are `total`.
    func planarDominantMean(k: Int, mean: SIMD4<Int32>, total: SIMD4<Int32>) -> RGBA {
        splitPlanes()
        let first = farthest(from: mean, keepingSmaller: false)
        guard first.distance > Float(Self.uniformCell) else { return Self.color(mean) }
        centers[0] = SIMD4<Int32>(truncatingIfNeeded: pixels[first.index])
        var centerCount = 1
        while centerCount < k {
            let next = farthest(from: centers[centerCount - 1], keepingSmaller: centerCount > 1)
            if next.distance <= 0 { break }
            centers[centerCount] = SIMD4<Int32>(truncatingIfNeeded: pixels[next.index])
            centerCount += 1
        }
        // One centroid (only if every pixel is it): one cluster, whose mean is the cell's.
        guard centerCount > 1 else { return Self.color(mean) }
        planarKMeans(centerCount: centerCount, total: total)
        var dominant = 0
        for c in 1..<centerCount where sizes[c] > sizes[dominant] { dominant = c }
        return Self.color(centers[dominant])
    }

    /// The lanes of the last block past the last pixel, if it has any.
    private var padding: (block: Int, lanes: SIMDMask<SIMD4<Int32>>) {
        let used = count % 4
        let lanes = SIMD4<Int32>(0, 1, 2, 3) .>= SIMD4(repeating: Int32(used))
        return (used == 0 ? -1 : count / 4, lanes)
    }

    /// Stores each pixel's distance to `center` in `nearest` (or the smaller of that and what is there, when
    /// `keepingSmaller`), −1 past the last pixel, and returns the first pixel at the largest and that distance.
    func farthest(from center: SIMD4<Int32>, keepingSmaller: Bool) -> (index: Int, distance: Float) {
        let blocks = (count + 3) / 4
        let broadcast = Self.broadcast(center)
        let padding = padding
        var largest = SIMD4<Float>(repeating: -1)
        for block in 0..<blocks {
            var distances = planarDistances(block, broadcast)
            if keepingSmaller {
                distances = distances.replacing(with: nearest[block], where: nearest[block] .< distances)
            }
            if block == padding.block { distances = distances.replacing(with: -1, where: padding.lanes) }
            nearest[block] = distances
            largest = largest.replacing(with: distances, where: largest .< distances)
        }
        let maximum = largest.max()
        for block in 0..<blocks where any(nearest[block] .== maximum) {
            for lane in 0..<4 where nearest[block][lane] == maximum { return (block * 4 + lane, maximum) }
        }
        return (0, maximum)
    }

    /// Three k-means steps on the planes from `centers[0..<centerCount]` (2 or 3), leaving the last step's
    /// centroids in `centers` and cluster sizes in `sizes`; `total` is the cell's channel sums.
    ///
    /// Each pixel joins its nearest centroid, the lowest index on a tie; cluster 0's sums and size are the
    /// cell's less the others'. Once a step leaves every centroid where it was, the next steps would repeat it
    /// exactly, so they are skipped.
    func planarKMeans(centerCount: Int, total: SIMD4<Int32>) {
        let blocks = (count + 3) / 4
        let padding = padding
        let ones = SIMD4<Float>(repeating: 1)
        for _ in 0..<3 {
            // e1 = |p − c1|² − |p − c0|² and e2 = |p − c2|² − |p − c0|², exactly: a pixel joins c1 when e1 < 0,
            // c2 when e2 < min(0, e1), and c0 otherwise.
            let e1 = Self.difference(centers[0], centers[1])
            var sums1 = (SIMD4<Float>.zero, SIMD4<Float>.zero, SIMD4<Float>.zero, SIMD4<Float>.zero)
            var sums2 = sums1
            var sizes1 = SIMD4<Float>.zero
            var sizes2 = SIMD4<Float>.zero
            if centerCount == 2 {
                for block in 0..<blocks {
                    let valid = block == padding.block ? ones.replacing(with: 0, where: padding.lanes) : ones
                    let w1 = SIMD4<Float>.zero.replacing(with: valid, where: planarLinear(block, e1) .< 0)
                    sizes1 += w1
                    sums1.0 += planes[block * 4] * w1
                    sums1.1 += planes[block * 4 + 1] * w1
                    sums1.2 += planes[block * 4 + 2] * w1
                    sums1.3 += planes[block * 4 + 3] * w1
                }
            } else {
                let e2 = Self.difference(centers[0], centers[2])
                for block in 0..<blocks {
                    let valid = block == padding.block ? ones.replacing(with: 0, where: padding.lanes) : ones
                    let d1 = planarLinear(block, e1)
                    let d2 = planarLinear(block, e2)
                    let to1 = d1 .< 0
                    let to2 = d2 .< SIMD4<Float>.zero.replacing(with: d1, where: to1)
                    let w1 = SIMD4<Float>.zero.replacing(with: valid, where: to1 .& .!to2)
                    let w2 = SIMD4<Float>.zero.replacing(with: valid, where: to2)
                    sizes1 += w1
                    sums1.0 += planes[block * 4] * w1
                    sums1.1 += planes[block * 4 + 1] * w1
                    sums1.2 += planes[block * 4 + 2] * w1
                    sums1.3 += planes[block * 4 + 3] * w1
                    sizes2 += w2
                    sums2.0 += planes[block * 4] * w2
                    sums2.1 += planes[block * 4 + 1] * w2
                    sums2.2 += planes[block * 4 + 2] * w2
                    sums2.3 += planes[block * 4 + 3] * w2
                }
            }
            // Every lane and every lane total is an integer below 2²⁴: the `Float` sums are exact.
            func exact(_ sums: (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>)) -> SIMD4<Int32> {
                SIMD4(Int32(sums.0.sum()), Int32(sums.1.sum()), Int32(sums.2.sum()), Int32(sums.3.sum()))
            }
            let sums = (exact(sums1), centerCount == 3 ? exact(sums2) : .zero)
            sizes[1] = Int32(sizes1.sum())
            sizes[2] = centerCount == 3 ? Int32(sizes2.sum()) : 0
            sizes[0] = Int32(count) - sizes[1] - sizes[2]
            var moved = false
            for c in 0..<centerCount {
                let sum = c == 0 ? total &- sums.0 &- sums.1 : c == 1 ? sums.0 : sums.1
                guard sizes[c] > 0 else { continue }
                let center = Self.rounded(sum, count: sizes[c])
                if center != centers[c] {
                    centers[c] = center
                    moved = true
                }
            }
            if !moved { return }
        }
    }
}
