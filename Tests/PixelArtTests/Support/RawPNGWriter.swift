import Foundation

@testable import PixelArt

/// A test-only PNG writer that lays out chunks by hand, so fixtures of every colour type, bit depth and
/// interlacing can be made without an image library.
///
/// IDAT holds a zlib stream of stored (uncompressed) deflate blocks with an Adler-32 trailer; each scanline
/// uses filter type 0.
enum RawPNGWriter {
    /// Adam7 passes as (x start, y start, x step, y step).
    private static let adam7 = [
        (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
    ]

    /// A complete PNG.
    ///
    /// `samples` holds `channels` values per pixel, row-major, each in 0..<2^bitDepth;
    /// `palette` is RGB triples, `transparency` the tRNS payload as raw bytes.
    static func png(
        width: Int,
        height: Int,
        bitDepth: Int,
        colorType: PNGHeader.ColorType,
        samples: [UInt16],
        palette: [(UInt8, UInt8, UInt8)]? = nil,
        transparency: [UInt8]? = nil,
        interlaced: Bool = false
    ) -> Data {
        var file = PNGChunkReader.signature
        file += chunk(
            "IHDR",
            ihdr(width: width, height: height, bitDepth: bitDepth, colorType: colorType, interlaced: interlaced)
        )
        if let palette { file += chunk("PLTE", palette.flatMap { [$0.0, $0.1, $0.2] }) }
        if let transparency { file += chunk("tRNS", transparency) }
        let channels = channelCount(colorType)
        let raw: [UInt8]
        if interlaced {
            raw = adam7.flatMap { pass in
                let columns = Array(stride(from: pass.0, to: width, by: pass.2))
                let rows = Array(stride(from: pass.1, to: height, by: pass.3))
                guard !columns.isEmpty else { return [UInt8]() }
                return rows.flatMap { y in
                    scanline(
                        columns.map { x in
                            Array(samples[((y * width + x) * channels)..<((y * width + x + 1) * channels)])
                        },
                        bitDepth: bitDepth
                    )
                }
            }
        } else {
            raw = (0..<height).flatMap { y in
                scanline(
                    (0..<width).map { x in
                        Array(samples[((y * width + x) * channels)..<((y * width + x + 1) * channels)])
                    },
                    bitDepth: bitDepth
                )
            }
        }
        file += chunk("IDAT", zlibStored(raw))
        file += chunk("IEND", [])
        return Data(file)
    }

    /// The 13 IHDR data bytes.
    static func ihdr(
        width: Int,
        height: Int,
        bitDepth: Int,
        colorType: PNGHeader.ColorType,
        interlaced: Bool = false
    ) -> [UInt8] {
        bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [
            UInt8(bitDepth), colorType.rawValue, 0, 0, interlaced ? 1 : 0,
        ]
    }

    /// One chunk: length, type, data, CRC-32 of type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeAndData = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typeAndData + bigEndian(CRC32.checksum(typeAndData))
    }

    /// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4).
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let isFinal = offset + count == data.count
            out.append(isFinal ? 1 : 0)
            out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        return out + bigEndian(adler32(data))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    private static func channelCount(_ colorType: PNGHeader.ColorType) -> Int {
        switch colorType {
        case .gray, .indexed: 1
        case .grayAlpha: 2
        case .rgb: 3
        case .rgba: 4
        }
    }

    /// Filter byte 0, then the pixels' samples packed MSB-first (sub-byte depths) or big-endian (16-bit).
    private static func scanline(_ pixels: [[UInt16]], bitDepth: Int) -> [UInt8] {
        let values = pixels.flatMap { $0 }
        var line: [UInt8] = [0]
        switch bitDepth {
        case 16:
            for value in values { line += [UInt8(value >> 8), UInt8(value & 0xFF)] }
        case 8:
            line += values.map { UInt8($0) }
        default:
            let perByte = 8 / bitDepth
            for start in stride(from: 0, to: values.count, by: perByte) {
                var byte: UInt8 = 0
                for (position, value) in values[start..<min(start + perByte, values.count)].enumerated() {
                    byte |= UInt8(value) << UInt8(8 - bitDepth * (position + 1))
                }
                line.append(byte)
            }
        }
        return line
    }
}
