import CLibDeflate

extension PNGFastDecoder {
    /// What the chunk walk found: the palette (for indexed images) and where the IDAT data lies.
    struct Layout {
        /// Each palette entry as the 4 output bytes R, G, B, A read as one native-endian word, so a pixel is one store.
        var palette: [UInt32] = []
        /// How many entries PLTE holds; a larger index is left to libpng.
        var paletteCount = 0
        /// The data ranges of the consecutive IDAT chunks that begin the image data, in file order.
        var imageData: [Range<Int>] = []
    }

    /// One chunk as laid out in the file; `nil` from `init` when it does not fit in the bytes.
    struct Chunk {
        static let ihdrEnd = 33  // the 8-byte signature, then IHDR: length, type, 13 data bytes, CRC
        static let idat: UInt32 = 0x4944_4154
        static let plte: UInt32 = 0x504C_5445
        static let trns: UInt32 = 0x7452_4E53
        static let gama: UInt32 = 0x6741_4D41

        let type: UInt32
        let offset: Int
        let length: Int
        var data: Range<Int> { (offset + 8)..<(offset + 8 + length) }
        var end: Int { offset + 12 + length }

        init?(at offset: Int, in bytes: UnsafeRawBufferPointer) {
            guard offset >= 0, bytes.count - offset >= 12 else { return nil }
            let length = Int(PNGFastDecoder.bigEndian(bytes, at: offset))
            guard length <= Int(Int32.max), length <= bytes.count - offset - 12 else { return nil }
            self.type = PNGFastDecoder.bigEndian(bytes, at: offset + 4)
            self.offset = offset
            self.length = length
        }

        /// Whether the stored CRC-32 matches the type and data (libdeflate's CRC runs at memory speed).
        func crcMatches(in bytes: UnsafeRawBufferPointer) -> Bool {
            guard let base = bytes.baseAddress else { return false }
            let crc = libdeflate_crc32(0, base + offset + 4, length + 4)
            return crc == PNGFastDecoder.bigEndian(bytes, at: end - 4)
        }

        /// Lower case first letter: a reader that does not know the chunk may skip it.
        var isAncillary: Bool { type & 0x2000_0000 != 0 }

        /// libpng stops with "invalid chunk type" on any byte that is not an ASCII letter.
        var hasLetterType: Bool {
            (0..<4).allSatisfy { shift in
                let byte = UInt8(truncatingIfNeeded: type >> (shift * 8))
                return (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            }
        }
    }

    /// Walks the chunks after IHDR up to the end of the first IDAT run; `nil` means "let libpng decide".
    ///
    /// `nil` for anything libpng refuses, or might read differently from us: a CRC mismatch (libpng refuses
    /// critical chunks and drops ancillary ones), an unknown critical chunk, an odd PLTE or tRNS, a colour-key tRNS,
    /// a gAMA that libpng would correct for. Chunks after the IDAT run are never looked at, as libpng's simplified
    /// API never reads them.
    static func layout(of bytes: UnsafeRawBufferPointer, header: PNGHeader) -> Layout? {
        var layout = Layout()
        var colors: [UInt8]?
        var alphas: [UInt8]?
        var offset = Chunk.ihdrEnd
        while true {
            guard let chunk = Chunk(at: offset, in: bytes), chunk.crcMatches(in: bytes) else { return nil }
            if chunk.type == Chunk.idat { break }
            switch chunk.type {
            case Chunk.plte:
                // libpng refuses a PLTE that is empty or not whole RGB triples; 8-bit indices reach 256 entries.
                let entries = chunk.length / 3
                guard header.colorType == .indexed, colors == nil, chunk.length % 3 == 0, (1...256).contains(entries)
                else { return nil }
                colors = Array(bytes[chunk.data])
            case Chunk.trns:
                // libpng ignores a tRNS before PLTE or longer than it; a gray or RGB colour key is left to libpng.
                guard header.colorType == .indexed, let colors, alphas == nil,
                    (1...(colors.count / 3)).contains(chunk.length)
                else { return nil }
                alphas = Array(bytes[chunk.data])
            case Chunk.gama:
                guard chunk.length == 4, isSRGBLike(gamma: bigEndian(bytes, at: chunk.offset + 8)) else { return nil }
            default:
                // cHRM, sRGB, iCCP, sBIT, bKGD, text and unknown ancillary chunks do not change libpng's RGBA8 output
                // (see isSRGBLike); libpng refuses ancillary chunks over its 8 MB allocation limit.
                guard chunk.isAncillary, chunk.hasLetterType, chunk.length <= 8_000_000 else { return nil }
            }
            offset = chunk.end
        }
        if header.colorType == .indexed {
            guard let colors else { return nil }
            layout.palette = paletteWords(colors: colors, alphas: alphas ?? [])
            layout.paletteCount = colors.count / 3
        }
        // libpng reads IDAT chunks only while the zlib stream needs them, so stop at the first other chunk (or at
        // the end of a file with no IEND).
        while bytes.count - offset >= 8, bigEndian(bytes, at: offset + 4) == Chunk.idat {
            guard let chunk = Chunk(at: offset, in: bytes), chunk.crcMatches(in: bytes) else { return nil }
            layout.imageData.append(chunk.data)
            offset = chunk.end
        }
        return layout
    }

    /// Whether libpng's simplified API leaves 8-bit samples as they are under this gAMA (units of 1/100000).
    ///
    /// libpng converts to sRGB (screen gamma 2.2) only when file gamma × 2.2 is more than 5% away from 1: every
    /// value in 43182…47727 is left alone. We accept an inner window so rounding can never matter. The file gamma
    /// can otherwise only come from sRGB (0.45455) or an sRGB iCCP profile (the same), or default to sRGB: no change.
    static func isSRGBLike(gamma: UInt32) -> Bool {
        (44_000...47_000).contains(gamma)
    }

    /// The 256 palette words: PLTE colours, tRNS alphas (255 past the tRNS entries), zero past the PLTE entries.
    private static func paletteWords(colors: [UInt8], alphas: [UInt8]) -> [UInt32] {
        (0..<256).map { index in
            guard index * 3 + 2 < colors.count else { return 0 }
            let alpha = index < alphas.count ? alphas[index] : 255
            return word(colors[index * 3], colors[index * 3 + 1], colors[index * 3 + 2], alpha)
        }
    }

    /// The native-endian word whose bytes in memory are R, G, B, A.
    static func word(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: UInt8) -> UInt32 {
        UInt32(littleEndian: UInt32(r) | UInt32(g) << 8 | UInt32(b) << 16 | UInt32(a) << 24)
    }

    /// The unsigned 32-bit big-endian integer at `offset` (the caller has checked the 4 bytes are there).
    static func bigEndian(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
}
