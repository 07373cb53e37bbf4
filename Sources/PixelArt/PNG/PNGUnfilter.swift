#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Undoes PNG's per-row filters (None, Sub, Up, Average, Paeth; PNG specification §9.2) on 8-bit samples.
///
/// Everything is `@inline(__always)` and callers pass `bpp` (bytes per pixel) as a literal, so each call site gets a
/// copy specialised for its pixel size, with the per-byte work free of bounds checks.
enum PNGUnfilter {
    /// Reconstructs one row of `count` bytes into `row` from the filtered bytes at `source`; false for a filter type
    /// above 4.
    ///
    /// `above` is the reconstructed previous row (zeros for the first row). `row` may lie inside the same buffer as
    /// `source`, at or before it (the fast decoder compacts rows in place): each source byte is read before any
    /// write that could reach it.
    @inline(__always)
    static func row(
        filter: UInt8,
        source: UnsafePointer<UInt8>,
        into row: UnsafeMutablePointer<UInt8>,
        above: UnsafePointer<UInt8>,
        count: Int,
        bpp: Int
    ) -> Bool {
        switch filter {
        case 0: memmove(row, source, count)
        case 1: sub(source, row, count, bpp)
        case 2: up(source, row, above, count)
        case 3: average(source, row, above, count, bpp)
        case 4: paeth(source, row, above, count, bpp)
        default: return false
        }
        return true
    }

    /// Sub: each byte plus the byte one pixel to the left.
    @inline(__always)
    private static func sub(
        _ source: UnsafePointer<UInt8>,
        _ row: UnsafeMutablePointer<UInt8>,
        _ count: Int,
        _ bpp: Int
    ) {
        for index in 0..<min(bpp, count) { row[index] = source[index] }
        guard count > bpp else { return }
        for index in bpp..<count { row[index] = source[index] &+ row[index - bpp] }
    }

    /// Up: each byte plus the byte above.
    @inline(__always)
    private static func up(
        _ source: UnsafePointer<UInt8>,
        _ row: UnsafeMutablePointer<UInt8>,
        _ above: UnsafePointer<UInt8>,
        _ count: Int
    ) {
        for index in 0..<count { row[index] = source[index] &+ above[index] }
    }

    /// Average: each byte plus the floor of the mean of left and above (left is 0 for the first pixel).
    @inline(__always)
    private static func average(
        _ source: UnsafePointer<UInt8>,
        _ row: UnsafeMutablePointer<UInt8>,
        _ above: UnsafePointer<UInt8>,
        _ count: Int,
        _ bpp: Int
    ) {
        for index in 0..<min(bpp, count) { row[index] = source[index] &+ above[index] >> 1 }
        guard count > bpp else { return }
        for index in bpp..<count {
            let mean = (UInt16(row[index - bpp]) &+ UInt16(above[index])) >> 1
            row[index] = source[index] &+ UInt8(truncatingIfNeeded: mean)
        }
    }

    /// Paeth: each byte plus whichever of left, above and upper-left is nearest to left + above − upper-left.
    ///
    /// For the first pixel left and upper-left are 0, so the predictor is the byte above.
    @inline(__always)
    private static func paeth(
        _ source: UnsafePointer<UInt8>,
        _ row: UnsafeMutablePointer<UInt8>,
        _ above: UnsafePointer<UInt8>,
        _ count: Int,
        _ bpp: Int
    ) {
        for index in 0..<min(bpp, count) { row[index] = source[index] &+ above[index] }
        guard count > bpp else { return }
        for index in bpp..<count {
            let left = Int32(row[index - bpp])
            let up = Int32(above[index])
            let corner = Int32(above[index - bpp])
            row[index] = source[index] &+ UInt8(truncatingIfNeeded: predict(left, up, corner))
        }
    }

    /// The Paeth predictor without branches: the distances are |up − corner|, |left − corner| and their sum's
    /// absolute value, ties going to left, then up.
    @inline(__always)
    static func predict(_ left: Int32, _ up: Int32, _ corner: Int32) -> Int32 {
        let toUp = up &- corner
        let toLeft = left &- corner
        let distanceLeft = abs(toUp)
        let distanceUp = abs(toLeft)
        let distanceCorner = abs(toUp &+ toLeft)
        let nearUpOrCorner = distanceUp <= distanceCorner ? up : corner
        return distanceLeft <= distanceUp && distanceLeft <= distanceCorner ? left : nearUpOrCorner
    }
}
