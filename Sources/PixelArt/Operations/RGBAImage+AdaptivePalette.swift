/// Adaptive palettes: the N colours that best represent an image, for styles without a fixed palette.
extension RGBAImage {
    /// A palette of at most `count` colours by median cut in Oklab over the image's visible colours,
    /// each box weighted by pixel count; a box's colour is the pixel-weighted mean RGB of its members.
    ///
    /// Deterministic: colours are processed in packed order and ties split the lowest-indexed box.
    package func adaptivePalette(colors count: Int) throws(PixelArtError) -> Palette {
        guard (1...Palette.maxColors).contains(count) else { throw .invalidColorCount(count) }
        var histogram: [UInt32: Int] = [:]
        pixels.withUnsafeBufferPointer { buffer in
            for index in stride(from: 0, to: buffer.count, by: 4) where buffer[index + 3] > 0 {
                let key = UInt32(buffer[index]) << 16 | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2])
                histogram[key, default: 0] += 1
            }
        }
        let entries = histogram.keys.sorted().map { key in
            let color = RGBA(
                UInt8(truncatingIfNeeded: key >> 16),
                UInt8(truncatingIfNeeded: key >> 8),
                UInt8(truncatingIfNeeded: key)
            )
            let lab = Oklab(color)
            return ColorBox.Entry(color: color, point: SIMD3(lab.lightness, lab.a, lab.b), weight: histogram[key] ?? 0)
        }
        guard !entries.isEmpty else { return Palette(name: "adaptive", colors: [.clear]) }
        var boxes = [ColorBox(entries: entries)]
        while boxes.count < count {
            var chosen = -1
            var widest = 0.0
            for (index, box) in boxes.enumerated() where box.entries.count > 1 && box.range > widest {
                chosen = index
                widest = box.range
            }
            guard chosen >= 0 else { break }
            let (low, high) = boxes[chosen].split()
            boxes[chosen] = low
            boxes.insert(high, at: chosen + 1)
        }
        return Palette(name: "adaptive", colors: boxes.map(\.meanColor))
    }
}

/// A set of colours median cut splits in two along its widest Oklab axis.
struct ColorBox {
    /// One distinct colour, its Oklab coordinates and how many pixels have it.
    struct Entry {
        var color: RGBA
        var point: SIMD3<Double>
        var weight: Int
    }

    var entries: [Entry]

    /// The widest extent over the three axes, weighted by the square root of the pixels inside, so
    /// large boxes split before small outliers do.
    var range: Double {
        let (_, extent) = widestAxis
        let weight = entries.reduce(0) { $0 + $1.weight }
        return extent * Double(weight).squareRoot()
    }

    private var widestAxis: (axis: Int, extent: Double) {
        guard let first = entries.first?.point else { return (0, 0) }
        var low = first
        var high = first
        for entry in entries {
            low = pointwiseMin(low, entry.point)
            high = pointwiseMax(high, entry.point)
        }
        let extent = high - low
        var best = (axis: 0, extent: extent[0])
        for axis in 1..<3 where extent[axis] > best.extent { best = (axis, extent[axis]) }
        return best
    }

    /// The two halves at the pixel-weighted median of the widest axis.
    func split() -> (ColorBox, ColorBox) {
        let axis = widestAxis.axis
        let sorted = entries.sorted { lhs, rhs in
            lhs.point[axis] != rhs.point[axis] ? lhs.point[axis] < rhs.point[axis] : lhs.color.packed < rhs.color.packed
        }
        let total = sorted.reduce(0) { $0 + $1.weight }
        var running = 0
        var cut = 1
        for (index, entry) in sorted.enumerated() {
            running += entry.weight
            if 2 * running >= total {
                cut = index + 1
                break
            }
        }
        cut = min(max(1, cut), sorted.count - 1)
        return (ColorBox(entries: Array(sorted[..<cut])), ColorBox(entries: Array(sorted[cut...])))
    }

    /// The pixel-weighted mean RGB, opaque.
    var meanColor: RGBA {
        var sums = (r: 0, g: 0, b: 0, n: 0)
        for entry in entries {
            sums.r += Int(entry.color.r) * entry.weight
            sums.g += Int(entry.color.g) * entry.weight
            sums.b += Int(entry.color.b) * entry.weight
            sums.n += entry.weight
        }
        let n = max(1, sums.n)
        return RGBA(UInt8((sums.r + n / 2) / n), UInt8((sums.g + n / 2) / n), UInt8((sums.b + n / 2) / n))
    }
}
