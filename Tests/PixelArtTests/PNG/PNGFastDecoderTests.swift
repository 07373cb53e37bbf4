import Foundation
import Testing

@testable import PixelArt

/// The fast decode path against libpng: the same pixels for every file it takes, libpng for everything else.
@Suite("PNG fast decoder")
struct PNGFastDecoderTests {
    static let kinds: [PNGHeader.ColorType] = [.gray, .grayAlpha, .rgb, .rgba, .indexed]

    /// Each filter alone (so the first row has it too), then all five in turn and in reverse.
    static let filterPlans: [[UInt8]] = [[0], [1], [2], [3], [4], [0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [3, 4, 1, 2]]

    /// The fast path's answer (nil: it hands the file to libpng).
    private func fast(_ data: Data) throws -> RGBAImage? {
        let header = try PNGChunkReader.readHeader(data)
        return data.withUnsafeBytes { PNGFastDecoder.decode($0, header: header) }
    }

    /// A random indexed-image palette: `count` RGB triples and a shorter tRNS.
    private func palette(count: Int, random: inout TestRandom) -> (colors: [UInt8], alphas: [UInt8]) {
        let colors = (0..<(count * 3)).map { _ in UInt8.random(in: 0...255, using: &random) }
        let alphas = (0..<(count / 2)).map { _ in UInt8.random(in: 0...255, using: &random) }
        return (colors, alphas)
    }

    /// What libpng's RGBA8 output should be for these 8-bit samples.
    private func expectedRGBA(
        _ colorType: PNGHeader.ColorType,
        samples: [UInt8],
        palette: (colors: [UInt8], alphas: [UInt8])
    ) -> [UInt8] {
        switch colorType {
        case .gray: samples.flatMap { [$0, $0, $0, 255] }
        case .grayAlpha:
            stride(from: 0, to: samples.count, by: 2).flatMap {
                [samples[$0], samples[$0], samples[$0], samples[$0 + 1]]
            }
        case .rgb: stride(from: 0, to: samples.count, by: 3).flatMap { Array(samples[$0..<($0 + 3)]) + [255] }
        case .rgba: samples
        case .indexed:
            samples.flatMap { index in
                let entry = Int(index)
                let alpha = entry < palette.alphas.count ? palette.alphas[entry] : 255
                return Array(palette.colors[(entry * 3)..<(entry * 3 + 3)]) + [alpha]
            }
        }
    }

    @Test(
        "Every 8-bit kind with every filter, on first rows and first pixels too, gives libpng's pixels",
        arguments: kinds
    )
    func everyFilter(colorType: PNGHeader.ColorType) throws {
        var random = TestRandom(seed: 0xF11 + UInt64(colorType.rawValue))
        let bpp = FilteredPNGWriter.bytesPerPixel(colorType)
        for (width, height) in [(1, 1), (1, 7), (2, 5), (3, 4), (17, 9), (64, 3)] {
            for filters in Self.filterPlans {
                // Full-range noise, then a few values close together, where Paeth's ties decide.
                for values: [UInt8] in [Array(0...255), [0, 1, 2, 127, 128, 254, 255]] {
                    let entries = colorType == .indexed ? min(values.count, 200) : 0
                    let colors = palette(count: max(entries, 1), random: &random)
                    let samples = (0..<(width * height * bpp)).map { _ in
                        let value = values.randomElement(using: &random) ?? 0
                        return colorType == .indexed ? value % UInt8(entries) : value
                    }
                    let before = colorType == .indexed ? [("PLTE", colors.colors), ("tRNS", colors.alphas)] : []
                    let data = FilteredPNGWriter.png(
                        width: width,
                        height: height,
                        colorType: colorType,
                        samples: samples,
                        filters: filters,
                        before: before.filter { !$0.1.isEmpty }
                    )
                    let image = try #require(try fast(data), "\(width)×\(height) filters \(filters)")
                    #expect(image == (try PNGCodec.decodeWithLibPNG(data)), "\(width)×\(height) filters \(filters)")
                    #expect(image.pixels == expectedRGBA(colorType, samples: samples, palette: colors))
                }
            }
        }
    }

    @Test("Files libpng wrote (real deflate, libpng's own filter choices) take the fast path")
    func libpngWritten() throws {
        var random = TestRandom(seed: 99)
        var image = RGBAImage(width: 130, height: 70)
        for y in 0..<70 {
            for x in 0..<130 {
                let noise = UInt8.random(in: 0...20, using: &random)
                image[x, y] = RGBA(UInt8(x) &+ noise, UInt8(y * 3), UInt8(x ^ y), 255 - noise)
            }
        }
        var few = RGBAImage(width: 50, height: 40)
        for y in 0..<40 { for x in 0..<50 { few[x, y] = RGBA(UInt8((x * y) % 40 * 6), 10, 20, x % 3 == 0 ? 0 : 255) } }
        for data in [
            try PNGCodec.encodeRGBA(image), try PNGCodec.encodeRGBA(image, fast: true), try PNGCodec.encode(few),
        ] {
            let decoded = try #require(try fast(data))
            #expect(decoded == (try PNGCodec.decodeWithLibPNG(data)))
        }
        #expect(try fast(PNGCodec.encodeRGBA(image)) == image)
    }

    @Test("sRGB, a gAMA of 1/2.2, cHRM, iCCP, sBIT, bKGD, text and unknown ancillary chunks leave pixels alone")
    func harmlessChunks() throws {
        var random = TestRandom(seed: 5)
        let samples = (0..<(9 * 4 * 3)).map { _ in UInt8.random(in: 0...255, using: &random) }
        let chromaticities = [31_270, 32_900, 64_000, 33_000, 30_000, 60_000, 15_000, 6_000]
            .flatMap { RawPNGWriter.bigEndian(UInt32($0)) }
        let profile = Array("junk".utf8) + [0, 0] + RawPNGWriter.zlibStored(Array(repeating: 7, count: 40))
        let before: [(String, [UInt8])] = [
            ("sRGB", [0]), ("gAMA", RawPNGWriter.bigEndian(45_455)), ("cHRM", chromaticities), ("iCCP", profile),
            ("sBIT", [5, 6, 5]), ("bKGD", [0, 1, 0, 2, 0, 3]), ("tEXt", Array("Comment\0hello".utf8)),
            ("prVt", [1, 2, 3]),
        ]
        let data = FilteredPNGWriter.png(
            width: 9,
            height: 4,
            colorType: .rgb,
            samples: samples,
            filters: [4, 1],
            before: before
        )
        let image = try #require(try fast(data))
        #expect(image == (try PNGCodec.decodeWithLibPNG(data)))
        #expect(image.pixels == expectedRGBA(.rgb, samples: samples, palette: ([], [])))
    }

    @Test("A gAMA libpng corrects for goes to libpng, and the correction shows")
    func gammaGoesToLibPNG() throws {
        let samples: [UInt8] = [0, 64, 128, 200, 255, 30]
        let data = FilteredPNGWriter.png(
            width: 2,
            height: 1,
            colorType: .rgb,
            samples: samples,
            filters: [0],
            before: [("gAMA", RawPNGWriter.bigEndian(100_000))]
        )
        #expect(try fast(data) == nil)
        let image = try PNGCodec.decode(data)
        #expect(image == (try PNGCodec.decodeWithLibPNG(data)))
        #expect(image.pixels != expectedRGBA(.rgb, samples: samples, palette: ([], [])))
    }

    @Test("Other kinds and odd files go to libpng and decode as before")
    func fallbacks() throws {
        let rgb: [UInt8] = [10, 20, 30, 255, 0, 255, 1, 2, 3, 4, 5, 6]
        let cases: [(String, Data)] = [
            (
                "16-bit",
                RawPNGWriter.png(width: 2, height: 1, bitDepth: 16, colorType: .rgb, samples: [1, 2, 3, 4, 5, 6])
            ),
            (
                "interlaced",
                RawPNGWriter.png(
                    width: 2,
                    height: 2,
                    bitDepth: 8,
                    colorType: .rgb,
                    samples: rgb.map(UInt16.init),
                    interlaced: true
                )
            ),
            (
                "4-bit palette",
                RawPNGWriter.png(
                    width: 3,
                    height: 1,
                    bitDepth: 4,
                    colorType: .indexed,
                    samples: [0, 1, 0],
                    palette: [(1, 2, 3), (4, 5, 6)]
                )
            ),
            (
                "RGB colour key",
                FilteredPNGWriter.png(
                    width: 2,
                    height: 2,
                    colorType: .rgb,
                    samples: rgb,
                    filters: [0],
                    before: [("tRNS", [0, 255, 0, 0, 0, 255])]
                )
            ),
            (
                "index past PLTE",
                FilteredPNGWriter.png(
                    width: 3,
                    height: 1,
                    colorType: .indexed,
                    samples: [0, 1, 2],
                    filters: [0],
                    before: [("PLTE", [9, 9, 9, 8, 8, 8])]
                )
            ),
            (
                "ancillary chunk with a bad CRC",
                Self.withBadCRC(
                    FilteredPNGWriter.png(
                        width: 2,
                        height: 2,
                        colorType: .rgb,
                        samples: rgb,
                        filters: [0],
                        before: [("tEXt", Array("a\0b".utf8))]
                    ),
                    chunk: "tEXt"
                )
            ),
        ]
        for (name, data) in cases {
            #expect(try fast(data) == nil, "\(name)")
            #expect(try PNGCodec.decode(data) == PNGCodec.decodeWithLibPNG(data), "\(name)")
        }
    }

    @Test("Image data split over many IDAT chunks, some empty, and files inside a larger buffer")
    func splitData() throws {
        var random = TestRandom(seed: 3)
        let samples = (0..<(20 * 6 * 4)).map { _ in UInt8.random(in: 0...255, using: &random) }
        let payload = FilteredPNGWriter.filteredRows(width: 20, height: 6, bpp: 4, samples: samples, filters: [1, 4])
        let stream = RawPNGWriter.zlibStored(payload)
        for pieces in [2, 7, stream.count] {
            let data = FilteredPNGWriter.file(width: 20, height: 6, colorType: .rgba, stream: stream, pieces: pieces)
            #expect(try fast(data)?.pixels == samples, "\(pieces) IDAT chunks")
        }
        var withEmpty = PNGChunkReader.signature
        withEmpty += RawPNGWriter.chunk("IHDR", RawPNGWriter.ihdr(width: 20, height: 6, bitDepth: 8, colorType: .rgba))
        withEmpty += RawPNGWriter.chunk("IDAT", Array(stream.prefix(100))) + RawPNGWriter.chunk("IDAT", [])
        withEmpty += RawPNGWriter.chunk("IDAT", Array(stream.dropFirst(100))) + RawPNGWriter.chunk("IEND", [])
        #expect(try fast(Data(withEmpty))?.pixels == samples)
        let inside = (Data([1, 2, 3]) + Data(withEmpty) + Data([4]))
        #expect(try PNGCodec.decode(inside.dropFirst(3).dropLast()).pixels == samples)
    }

    /// `data` with the CRC of its first `chunk` chunk flipped.
    static func withBadCRC(_ data: Data, chunk type: String) -> Data {
        var bytes = [UInt8](data)
        guard let chunk = try? PNGChunkReader.read(data).chunks.first(where: { $0.type == type }) else { return data }
        bytes[chunk.offset + 8 + chunk.length] ^= 0xFF
        return Data(bytes)
    }
}
