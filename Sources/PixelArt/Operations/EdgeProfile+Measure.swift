/// Measuring both edge profiles of an image in one pass over its bytes.
extension EdgeProfile {
    /// The column profile (differences between neighbouring columns, summed over rows) and the row profile
    /// (differences between neighbouring rows, summed over columns), each position's total exact.
    ///
    /// One pass, row by row: each row is compared with itself shifted by one pixel (into a 16-bit total per
    /// byte lane, folded into the column sums every 256 rows, before a lane could overflow) and with the row
    /// above (into that row's total). Both inner loops are plain byte loops over pointers, written so the
    /// compiler turns them into 16-byte absolute differences (`psadbw` for the row totals); per-pixel `Int`
    /// arithmetic with overflow checks made this the slowest part of grid detection.
    static func profiles(of image: RGBAImage) -> (columns: EdgeProfile, rows: EdgeProfile) {
        let width = image.width
        let rowBytes = width * 4
        var columnSums = [Int](repeating: 0, count: width)
        var rowSums = [Int](repeating: 0, count: image.height)
        let lanes = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: rowBytes)
        lanes.initialize(repeating: 0)
        defer { lanes.deallocate() }
        func foldLanes() {
            for x in 1..<max(1, width) {
                let lane = x * 4
                columnSums[x] += Int(lanes[lane]) + Int(lanes[lane + 1]) + Int(lanes[lane + 2]) + Int(lanes[lane + 3])
            }
            lanes.update(repeating: 0)
        }
        image.pixels.withUnsafeBufferPointer { pixels in
            guard let base = pixels.baseAddress, let lanes = lanes.baseAddress else { return }
            var pending = 0
            for y in 0..<image.height {
                let row = base + y * rowBytes
                if rowBytes > 4 { addShiftedDifferences(row, count: rowBytes, into: lanes) }
                if y > 0 { rowSums[y] = totalDifference(row, row - rowBytes, count: rowBytes) }
                pending += 1
                if pending == 256 {
                    foldLanes()
                    pending = 0
                }
            }
        }
        foldLanes()
        return (EdgeProfile(values: columnSums.map(Double.init)), EdgeProfile(values: rowSums.map(Double.init)))
    }

    /// `lanes[i] += |row[i] − row[i − 4]|` for every byte after the first pixel: each channel against the same
    /// channel of the pixel to its left.
    private static func addShiftedDifferences(
        _ row: UnsafePointer<UInt8>,
        count: Int,
        into lanes: UnsafeMutablePointer<UInt16>
    ) {
        for index in 4..<count {
            let (a, b) = (row[index], row[index - 4])
            lanes[index] &+= UInt16(a > b ? a &- b : b &- a)
        }
    }

    /// The summed absolute difference of two rows' bytes.
    ///
    /// In 32-bit totals over pieces of 8 MiB (255 × 2²³ stays under 2³²); the widen-then-subtract form is the
    /// one the compiler recognises as `psadbw`.
    private static func totalDifference(
        _ row: UnsafePointer<UInt8>,
        _ above: UnsafePointer<UInt8>,
        count: Int
    )
        -> Int
    {
        var total = 0
        var start = 0
        while start < count {
            let end = min(count, start + 1 << 23)
            var piece: UInt32 = 0
            for index in start..<end {
                let d = Int32(row[index]) &- Int32(above[index])
                piece &+= UInt32(bitPattern: d < 0 ? 0 &- d : d)
            }
            total += Int(piece)
            start = end
        }
        return total
    }
}
