/// The two passes every k-centroid cell makes, on 16 bytes (four pixels) a step: the baseline x86-64 and
/// arm64 targets have 16-byte vectors, and pixel-at-a-time `SIMD4` code leaves three quarters of them idle.
extension KCentroidCells {
    /// The per-channel sums of `cell`, wrapping in `Int32` lanes like a pixel-by-pixel sum: four pixels a step
    /// in 16-bit lanes, folded into the 32-bit total every 256 steps, before a 16-bit lane could overflow.
    static func channelSums(_ cell: UnsafeBufferPointer<SIMD4<UInt8>>) -> SIMD4<Int32> {
        guard let start = cell.baseAddress else { return .zero }
        let bytes = UnsafeRawPointer(start)
        let steps = cell.count / 4
        var total = SIMD4<Int32>.zero
        var step = 0
        while step < steps {
            let end = min(steps, step + 256)
            var lanes = SIMD16<UInt16>.zero
            while step < end {
                let four = bytes.loadUnaligned(fromByteOffset: step * 16, as: SIMD16<UInt8>.self)
                lanes &+= SIMD16<UInt16>(truncatingIfNeeded: four)
                step += 1
            }
            // Widened before they are added: two 16-bit lanes near 65 280 would overflow together.
            let (low, high) = (lanes.lowHalf, lanes.highHalf)
            total &+=
                SIMD4<Int32>(truncatingIfNeeded: low.lowHalf) &+ SIMD4<Int32>(truncatingIfNeeded: low.highHalf)
                &+ SIMD4<Int32>(truncatingIfNeeded: high.lowHalf) &+ SIMD4<Int32>(truncatingIfNeeded: high.highHalf)
        }
        for index in (steps * 4)..<cell.count { total &+= SIMD4<Int32>(truncatingIfNeeded: cell[index]) }
        return total
    }

    /// Whether no channel of any pixel in `cell` differs from `center`'s by more than `limit`.
    ///
    /// |v − c| ≤ limit exactly when v − low ≤ high − low in unsigned bytes, low = max(0, c − limit) and
    /// high = min(255, c + limit): one subtraction and one comparison a lane (the stdlib's generic
    /// `pointwiseMax` on `SIMD16` is not inlined, so an absolute difference through it is a call a step).
    static func allChannels(
        of cell: UnsafeBufferPointer<SIMD4<UInt8>>,
        within limit: UInt8,
        of center: SIMD4<UInt8>
    )
        -> Bool
    {
        guard let start = cell.baseAddress else { return true }
        var low = SIMD4<UInt8>.zero
        var span = SIMD4<UInt8>.zero
        for lane in 0..<4 {
            let from = max(0, Int(center[lane]) - Int(limit))
            low[lane] = UInt8(from)
            span[lane] = UInt8(min(255, Int(center[lane]) + Int(limit)) - from)
        }
        let bytes = UnsafeRawPointer(start)
        let lows = SIMD16(lowHalf: SIMD8(lowHalf: low, highHalf: low), highHalf: SIMD8(lowHalf: low, highHalf: low))
        let spans = SIMD16(
            lowHalf: SIMD8(lowHalf: span, highHalf: span),
            highHalf: SIMD8(lowHalf: span, highHalf: span)
        )
        var outside = SIMDMask<SIMD16<Int8>>(repeating: false)
        let steps = cell.count / 4
        for step in 0..<steps {
            outside .|= bytes.loadUnaligned(fromByteOffset: step * 16, as: SIMD16<UInt8>.self) &- lows .> spans
        }
        for index in (steps * 4)..<cell.count where any(cell[index] &- low .> span) { return false }
        return !any(outside)
    }
}
