import CLibDeflate

/// A fast decoder for the PNG kinds generators and encoders write: 8-bit, non-interlaced gray, gray + alpha, RGB,
/// RGBA and palette images, to the same RGBA8 bytes libpng's simplified API gives.
///
/// libpng's simplified API spends most of a decode in zlib's streaming inflate and its per-row transform pipeline.
/// Here libdeflate inflates all IDAT data in one call into the tail of the output buffer, and each row is
/// unfiltered and expanded to RGBA in place, front to back, so the whole decode needs one allocation the size of
/// the image.
///
/// `decode` returns nil — "ask libpng" — for every other kind and for anything unusual or damaged (CRC mismatch,
/// bad deflate data, too little or too much image data, an unknown filter type, a palette index past PLTE), so
/// libpng stays the one judge of a bad file and the author of its error message, and no file that decoded before
/// is refused now. For every file it does decode, the pixels are libpng's (PNGFastDecoderTests).
enum PNGFastDecoder {
    /// libpng's default user limit on either dimension; past it libpng refuses the file.
    static let libpngDimensionLimit = 1_000_000

    /// The image, or nil when libpng should decode this file.
    ///
    /// `header` is what `PNGChunkReader.readHeader` read (signature, IHDR and its CRC already checked).
    static func decode(_ bytes: UnsafeRawBufferPointer, header: PNGHeader) -> RGBAImage? {
        guard let bpp = bytesPerPixel(header), let layout = layout(of: bytes, header: header),
            !layout.imageData.isEmpty
        else { return nil }
        let width = header.width
        let height = header.height
        let stride = 1 + width * bpp
        let inflatedSize = height * stride
        let rgbaSize = width * height * 4
        // The inflated rows go at the end of the buffer; RGBA rows are written from the front and never overtake
        // the unread rows (1 + width × bpp ≤ 4 × width for bpp ≤ 3; for RGBA the buffer has `height` spare bytes).
        let capacity = max(rgbaSize, inflatedSize)
        var decoded = false
        let pixels = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            let inflated = base + (capacity - inflatedSize)
            guard inflate(bytes, ranges: layout.imageData, into: inflated, count: inflatedSize) else { return }
            let rows = Rows(
                inflated: UnsafePointer(inflated),
                output: base,
                width: width,
                height: height,
                palette: layout.palette,
                paletteCount: layout.paletteCount
            )
            decoded = rows.reconstruct(header.colorType)
            initialized = decoded ? rgbaSize : 0
        }
        guard decoded else { return nil }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// Bytes per pixel for the kinds handled here, nil for the rest (16-bit, 1/2/4-bit, interlaced, or past
    /// libpng's limits, where it must give its own answer).
    private static func bytesPerPixel(_ header: PNGHeader) -> Int? {
        guard !header.interlaced, header.bitDepth == 8,
            header.width <= libpngDimensionLimit, header.height <= libpngDimensionLimit,
            header.pixelCount <= Int(UInt32.max) / 4  // png_image_finish_read's own size limit
        else { return nil }
        switch header.colorType {
        case .gray, .indexed: return 1
        case .grayAlpha: return 2
        case .rgb: return 3
        case .rgba: return 4
        }
    }

    /// Inflates the zlib stream spread over `ranges` of `bytes` into exactly `count` bytes at `output`.
    ///
    /// False when the stream is corrupt (including a bad Adler-32, which libpng only warns about), ends early, or
    /// holds more than the image (libpng ignores the extra): libpng then decides.
    private static func inflate(
        _ bytes: UnsafeRawBufferPointer,
        ranges: [Range<Int>],
        into output: UnsafeMutablePointer<UInt8>,
        count: Int
    ) -> Bool {
        guard let base = bytes.baseAddress, let decompressor = libdeflate_alloc_decompressor() else { return false }
        defer { libdeflate_free_decompressor(decompressor) }
        if ranges.count == 1, let range = ranges.first {
            // One IDAT (many encoders write one): inflate straight from the file's bytes.
            let result = libdeflate_zlib_decompress(
                decompressor,
                base + range.lowerBound,
                range.count,
                output,
                count,
                nil
            )
            return result == LIBDEFLATE_SUCCESS
        }
        let total = ranges.reduce(0) { $0 + $1.count }
        guard total > 0 else { return false }
        let joined = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            initialized = 0
            guard let destination = buffer.baseAddress else { return }
            var offset = 0
            for range in ranges {
                UnsafeMutableRawPointer(destination + offset).copyMemory(
                    from: base + range.lowerBound,
                    byteCount: range.count
                )
                offset += range.count
            }
            initialized = total
        }
        return joined.withUnsafeBytes { stream in
            libdeflate_zlib_decompress(decompressor, stream.baseAddress, stream.count, output, count, nil)
                == LIBDEFLATE_SUCCESS
        }
    }
}
