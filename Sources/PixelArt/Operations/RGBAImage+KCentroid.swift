/// "k-centroid" downscaling: each target cell takes the mean of its dominant colour cluster, not a blend.
extension RGBAImage {
    /// Downscales to `width` × `height`, clustering each source cell's pixels into `clusters` (2...3) groups
    /// with a few k-means iterations and keeping the largest group's mean.
    ///
    /// Unlike an average this never invents in-between colours at the soft edges diffusion models paint, and
    /// unlike nearest-centre it is not fooled by one stray pixel. Deterministic: the initial centroids are the
    /// cell's first pixel and the pixels farthest from the ones already chosen.
    package func downscaledKCentroid(width newWidth: Int, height newHeight: Int, clusters: Int = 2) -> RGBAImage {
        let newWidth = min(max(1, newWidth), width)
        let newHeight = min(max(1, newHeight), height)
        let columns = (0..<newWidth).map { ($0 * width / newWidth)..<(($0 + 1) * width / newWidth) }
        let rows = (0..<newHeight).map { ($0 * height / newHeight)..<(($0 + 1) * height / newHeight) }
        return downscaledKCentroid(columns: columns, rows: rows, clusters: clusters)
    }

    /// Downscales on explicit cells: output pixel (i, j) summarises source columns `columns[i]`, rows `rows[j]`.
    func downscaledKCentroid(columns: [Range<Int>], rows: [Range<Int>], clusters: Int) -> RGBAImage {
        let k = min(max(2, clusters), 3)
        let outWidth = columns.count
        let outHeight = rows.count
        var output = [UInt8](repeating: 0, count: outWidth * outHeight * 4)
        var cell: [Int32] = []
        pixels.withUnsafeBufferPointer { source in
            for j in 0..<outHeight {
                for i in 0..<outWidth {
                    cell.removeAll(keepingCapacity: true)
                    for y in rows[j] {
                        for x in columns[i] {
                            let index = (y * width + x) * 4
                            cell.append(Int32(source[index]))
                            cell.append(Int32(source[index + 1]))
                            cell.append(Int32(source[index + 2]))
                            cell.append(Int32(source[index + 3]))
                        }
                    }
                    let color = Self.dominantMean(of: cell, k: k)
                    let out = (j * outWidth + i) * 4
                    output[out] = color.r
                    output[out + 1] = color.g
                    output[out + 2] = color.b
                    output[out + 3] = color.a
                }
            }
        }
        return RGBAImage(width: outWidth, height: outHeight, validPixels: output)
    }

    /// Squared RGBA distance under which a whole cell counts as one colour plus noise (about ±12 per channel).
    private static let uniformCell: Int32 = 3 * 12 * 12

    /// The mean of the largest of `k` k-means clusters of `cell` (RGBA quadruples), 3 iterations.
    ///
    /// A cell whose pixels all lie near their mean is one colour plus noise: its mean is returned directly,
    /// since splitting noise into clusters would only bias the result. Otherwise the initial centroids are the
    /// pixel farthest from the mean and then, in turn, the pixel farthest from the centroids chosen so far.
    private static func dominantMean(of cell: [Int32], k: Int) -> RGBA {
        let count = cell.count / 4
        guard count > 0 else { return .clear }
        return cell.withUnsafeBufferPointer { values in
            @inline(__always) func vector(_ pixel: Int) -> SIMD4<Int32> {
                SIMD4(values[pixel * 4], values[pixel * 4 + 1], values[pixel * 4 + 2], values[pixel * 4 + 3])
            }
            @inline(__always) func distance(_ a: SIMD4<Int32>, _ b: SIMD4<Int32>) -> Int32 {
                let d = a &- b
                return (d &* d).wrappedSum()
            }
            var total = SIMD4<Int32>.zero
            for pixel in 0..<count { total &+= vector(pixel) }
            let mean = rounded(total, count: Int32(count))
            var farthest = 0
            var farthestDistance: Int32 = -1
            for pixel in 0..<count {
                let d = distance(vector(pixel), mean)
                if d > farthestDistance {
                    farthest = pixel
                    farthestDistance = d
                }
            }
            guard farthestDistance > uniformCell else { return color(mean) }
            var centers = [vector(farthest)]
            while centers.count < k {
                var next = 0
                var nextDistance: Int32 = -1
                for pixel in 0..<count {
                    var nearest = Int32.max
                    for center in centers { nearest = min(nearest, distance(vector(pixel), center)) }
                    if nearest > nextDistance {
                        next = pixel
                        nextDistance = nearest
                    }
                }
                if nextDistance <= 0 { break }
                centers.append(vector(next))
            }
            var sums = [SIMD4<Int32>](repeating: .zero, count: centers.count)
            var sizes = [Int32](repeating: 0, count: centers.count)
            for _ in 0..<3 {
                for c in 0..<centers.count {
                    sums[c] = .zero
                    sizes[c] = 0
                }
                for pixel in 0..<count {
                    let value = vector(pixel)
                    var best = 0
                    var bestDistance = distance(value, centers[0])
                    for c in 1..<centers.count {
                        let d = distance(value, centers[c])
                        if d < bestDistance {
                            best = c
                            bestDistance = d
                        }
                    }
                    sums[best] &+= value
                    sizes[best] += 1
                }
                for c in 0..<centers.count where sizes[c] > 0 { centers[c] = rounded(sums[c], count: sizes[c]) }
            }
            var dominant = 0
            for c in 1..<centers.count where sizes[c] > sizes[dominant] { dominant = c }
            return color(centers[dominant])
        }
    }

    private static func rounded(_ sum: SIMD4<Int32>, count: Int32) -> SIMD4<Int32> {
        (sum &+ SIMD4(repeating: count / 2)) / SIMD4(repeating: count)
    }

    private static func color(_ value: SIMD4<Int32>) -> RGBA {
        RGBA(UInt8(clamping: value.x), UInt8(clamping: value.y), UInt8(clamping: value.z), UInt8(clamping: value.w))
    }
}
