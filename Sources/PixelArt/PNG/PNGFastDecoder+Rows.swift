extension PNGFastDecoder {
    /// Turns inflated, filtered rows into RGBA8 rows, front to back, in the buffer that holds both.
    ///
    /// `inflated` holds `height` rows of a filter-type byte and `width × bpp` filtered bytes, at the end of the
    /// buffer that starts at `output`; RGBA row y is written only after inflated row y has been read, and it ends
    /// before inflated row y + 1 begins.
    struct Rows {
        let inflated: UnsafePointer<UInt8>
        let output: UnsafeMutablePointer<UInt8>
        let width: Int
        let height: Int
        /// 256 words for indexed images (see `Layout.palette`), empty otherwise.
        let palette: [UInt32]
        let paletteCount: Int

        /// False for a filter type above 4 or a palette index past PLTE (left to libpng).
        func reconstruct(_ colorType: PNGHeader.ColorType) -> Bool {
            switch colorType {
            case .rgba: return rgba()
            case .rgb: return throughRow(bpp: 3, expand: Self.expandRGB)
            case .gray: return throughRow(bpp: 1, expand: Self.expandGray)
            case .grayAlpha: return throughRow(bpp: 2, expand: Self.expandGrayAlpha)
            case .indexed: return indexed()
            }
        }

        /// RGBA rows are already output rows: unfilter each straight into place, the row above being output too.
        private func rgba() -> Bool {
            let rowBytes = width * 4
            let zeros = [UInt8](repeating: 0, count: rowBytes)
            return zeros.withUnsafeBufferPointer { zeroRow in
                guard let zeroRow = zeroRow.baseAddress else { return false }
                for y in 0..<height {
                    let source = inflated + y * (rowBytes + 1)
                    let row = output + y * rowBytes
                    let above = y == 0 ? zeroRow : UnsafePointer(row - rowBytes)
                    guard
                        PNGUnfilter.row(
                            filter: source[0],
                            source: source + 1,
                            into: row,
                            above: above,
                            count: rowBytes,
                            bpp: 4
                        )
                    else { return false }
                }
                return true
            }
        }

        private func indexed() -> Bool {
            palette.withUnsafeBufferPointer { table in
                throughRow(bpp: 1) { indices, row, width in
                    if paletteCount < 256 {
                        // libpng's answer for an index past PLTE is its own business: leave such files to it.
                        var highest: UInt8 = 0
                        for x in 0..<width { highest = max(highest, indices[x]) }
                        guard Int(highest) < paletteCount else { return false }
                    }
                    let words = UnsafeMutableRawPointer(row)
                    for x in 0..<width {
                        words.storeBytes(of: table[Int(indices[x])], toByteOffset: x * 4, as: UInt32.self)
                    }
                    return true
                }
            }
        }

        /// Unfilters each row into a scratch row (the previous one kept for Up, Average and Paeth), then expands it.
        @inline(__always)
        private func throughRow(
            bpp: Int,
            expand: (UnsafePointer<UInt8>, UnsafeMutablePointer<UInt8>, Int) -> Bool
        ) -> Bool {
            let rowBytes = width * bpp
            var scratch = [UInt8](repeating: 0, count: rowBytes * 2)
            return scratch.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return false }
                var above = base
                var current = base + rowBytes
                for y in 0..<height {
                    let source = inflated + y * (rowBytes + 1)
                    guard
                        PNGUnfilter.row(
                            filter: source[0],
                            source: source + 1,
                            into: current,
                            above: above,
                            count: rowBytes,
                            bpp: bpp
                        ),
                        expand(current, output + y * width * 4, width)
                    else { return false }
                    swap(&above, &current)
                }
                return true
            }
        }

        @inline(__always)
        private static func expandRGB(
            _ samples: UnsafePointer<UInt8>,
            _ row: UnsafeMutablePointer<UInt8>,
            _ width: Int
        )
            -> Bool
        {
            let words = UnsafeMutableRawPointer(row)
            for x in 0..<width {
                let word = PNGFastDecoder.word(samples[x * 3], samples[x * 3 + 1], samples[x * 3 + 2], 255)
                words.storeBytes(of: word, toByteOffset: x * 4, as: UInt32.self)
            }
            return true
        }

        @inline(__always)
        private static func expandGray(
            _ samples: UnsafePointer<UInt8>,
            _ row: UnsafeMutablePointer<UInt8>,
            _ width: Int
        )
            -> Bool
        {
            let words = UnsafeMutableRawPointer(row)
            for x in 0..<width {
                let gray = samples[x]
                words.storeBytes(of: PNGFastDecoder.word(gray, gray, gray, 255), toByteOffset: x * 4, as: UInt32.self)
            }
            return true
        }

        @inline(__always)
        private static func expandGrayAlpha(
            _ samples: UnsafePointer<UInt8>,
            _ row: UnsafeMutablePointer<UInt8>,
            _ width: Int
        ) -> Bool {
            let words = UnsafeMutableRawPointer(row)
            for x in 0..<width {
                let gray = samples[x * 2]
                let word = PNGFastDecoder.word(gray, gray, gray, samples[x * 2 + 1])
                words.storeBytes(of: word, toByteOffset: x * 4, as: UInt32.self)
            }
            return true
        }
    }
}
