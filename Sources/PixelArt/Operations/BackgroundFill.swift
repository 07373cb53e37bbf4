/// The flood fill behind `removeBackground`: a scanline fill over one mark byte per pixel.
///
/// Which pixels the fill may enter (visible, within `tolerance` of the key on R, G and B) is decided for the
/// whole image first, four pixels a step. The fill then works on the marks a row span at a time: it widens a
/// seed to the whole run of marked pixels in its row, clears the run (marks and pixels, two block writes) and
/// seeds each marked run it touches in the rows above and below. Every pixel is looked at a few times, in
/// order along its row, instead of being pushed, popped and having its four neighbours' colours tested. The
/// cleared set is the same as the pixel-by-pixel fill's: every marked pixel 4-connected to a marked border pixel
/// through marked pixels.
enum BackgroundFill {
    /// Clears (to 0, 0, 0, 0) the pixels of `pixels` (RGBA, `width` × `height`) that the fill from the border
    /// reaches; `tolerance` is the largest per-channel RGB difference from `key` that still counts.
    static func clear(
        _ pixels: UnsafeMutableBufferPointer<UInt8>,
        width: Int,
        height: Int,
        key: RGBA,
        tolerance: Int
    ) {
        let count = width * height
        guard tolerance >= 0, count > 0, let bytes = pixels.baseAddress else { return }
        let marks = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        defer { marks.deallocate() }
        mark(UnsafeRawPointer(bytes), count: count, key: key, tolerance: min(tolerance, 255), into: marks)
        var seeds: [Int] = []
        seeds.reserveCapacity(2 * (width + height))
        for x in 0..<width { seeds += [x, count - width + x] }
        for y in 0..<height { seeds += [y * width, y * width + width - 1] }
        while let seed = seeds.popLast() {
            guard marks[seed] != 0 else { continue }
            let rowStart = seed - seed % width
            let (start, end) = run(marks, around: seed, within: rowStart..<(rowStart + width))
            (marks + start).update(repeating: 0, count: end - start)
            (bytes + start * 4).update(repeating: 0, count: (end - start) * 4)
            if rowStart > 0 { seedRuns(marks, (start - width)..<(end - width), into: &seeds) }
            if rowStart + width < count { seedRuns(marks, (start + width)..<(end + width), into: &seeds) }
        }
    }

    /// Sets `marks[p]` to 1 where pixel p is visible and within `tolerance` (0...255) of `key` on R, G and B,
    /// else 0.
    ///
    /// A byte v lies within [low, low + span] exactly when v − low ≤ span in wrapping bytes, so one subtraction
    /// and one comparison test all four channels of four pixels (alpha: v − 1 ≤ 254, i.e. v ≠ 0).
    private static func mark(
        _ pixels: UnsafeRawPointer,
        count: Int,
        key: RGBA,
        tolerance: Int,
        into marks: UnsafeMutablePointer<UInt8>
    ) {
        var low = SIMD4<UInt8>(0, 0, 0, 1)
        var span = SIMD4<UInt8>(0, 0, 0, 254)
        for (lane, channel) in [key.r, key.g, key.b].enumerated() {
            let from = max(0, Int(channel) - tolerance)
            low[lane] = UInt8(from)
            span[lane] = UInt8(min(255, Int(channel) + tolerance) - from)
        }
        let lows = SIMD16(lowHalf: SIMD8(lowHalf: low, highHalf: low), highHalf: SIMD8(lowHalf: low, highHalf: low))
        let spans = SIMD16(
            lowHalf: SIMD8(lowHalf: span, highHalf: span),
            highHalf: SIMD8(lowHalf: span, highHalf: span)
        )
        let output = UnsafeMutableRawPointer(marks)
        let steps = count / 4
        for step in 0..<steps {
            let four = pixels.loadUnaligned(fromByteOffset: step * 16, as: SIMD16<UInt8>.self)
            let outside = SIMD16<UInt8>.zero.replacing(with: 0xFF, where: four &- lows .> spans)
            let pixelOutside = unsafeBitCast(outside, to: SIMD4<UInt32>.self)
            let inside = SIMD4<UInt32>.zero.replacing(with: 1, where: pixelOutside .== 0)
            output.storeBytes(
                of: SIMD4<UInt8>(truncatingIfNeeded: inside),
                toByteOffset: step * 4,
                as: SIMD4<UInt8>.self
            )
        }
        for pixel in (steps * 4)..<count {
            let value = pixels.loadUnaligned(fromByteOffset: pixel * 4, as: SIMD4<UInt8>.self)
            marks[pixel] = any(value &- low .> span) ? 0 : 1
        }
    }

    /// Eight marks set: how long runs are skipped, a word at a time.
    private static let eightMarked: UInt64 = 0x0101_0101_0101_0101

    /// The run of marked pixels containing `seed`, as [start, end), inside `row`.
    private static func run(_ marks: UnsafePointer<UInt8>, around seed: Int, within row: Range<Int>) -> (Int, Int) {
        let words = UnsafeRawPointer(marks)
        var start = seed
        while start - 8 >= row.lowerBound
            && words.loadUnaligned(fromByteOffset: start - 8, as: UInt64.self) == eightMarked
        {
            start -= 8
        }
        while start > row.lowerBound && marks[start - 1] != 0 { start -= 1 }
        var end = seed + 1
        while end + 8 <= row.upperBound && words.loadUnaligned(fromByteOffset: end, as: UInt64.self) == eightMarked {
            end += 8
        }
        while end < row.upperBound && marks[end] != 0 { end += 1 }
        return (start, end)
    }

    /// Appends the first pixel of each marked run within `range` (a run may continue past either end); words
    /// of eight equal marks are stepped over whole.
    private static func seedRuns(_ marks: UnsafePointer<UInt8>, _ range: Range<Int>, into seeds: inout [Int]) {
        let words = UnsafeRawPointer(marks)
        var previous: UInt8 = 0
        var index = range.lowerBound
        while index < range.upperBound {
            if index + 8 <= range.upperBound {
                let word = words.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word == 0 || word == eightMarked {
                    if word != 0 && previous == 0 { seeds.append(index) }
                    previous = UInt8(truncatingIfNeeded: word)
                    index += 8
                    continue
                }
            }
            let mark = marks[index]
            if mark != 0 && previous == 0 { seeds.append(index) }
            previous = mark
            index += 1
        }
    }
}
