import Foundation
import Testing

@testable import PixelArt

@Suite("PNG codec")
struct PNGCodecTests {
    /// A 20×20 image with 400 distinct colours and varied alpha.
    private static let manyColors: RGBAImage = {
        var image = RGBAImage(width: 20, height: 20)
        for y in 0..<20 {
            for x in 0..<20 {
                image[x, y] = RGBA(
                    UInt8(x * 12),
                    UInt8(y * 12),
                    UInt8((x * 7 + y * 3) % 256),
                    UInt8(255 - (x + y) % 5 * 60)
                )
            }
        }
        return image
    }()

    /// A 9×7 sprite with 5 colours, including clear, half-transparent and two clears that differ in RGB.
    private static let fewColors: RGBAImage = {
        var image = RGBAImage(width: 9, height: 7)
        for y in 0..<7 {
            for x in 0..<9 {
                switch (x + 2 * y) % 5 {
                case 0: image[x, y] = .clear
                case 1: image[x, y] = RGBA(255, 0, 77)
                case 2: image[x, y] = RGBA(41, 173, 255, 128)
                case 3: image[x, y] = RGBA(255, 255, 255, 0)
                default: image[x, y] = RGBA(0, 0, 0)
                }
            }
        }
        return image
    }()

    private static func colorTypeByte(_ data: Data) -> UInt8 { [UInt8](data)[25] }

    @Test("An image with more than 256 colours round-trips pixel-exact as RGBA8")
    func rgbaRoundTrip() throws {
        let data = try PNGCodec.encode(Self.manyColors)
        #expect(Self.colorTypeByte(data) == 6)
        #expect(try PNGCodec.decode(data) == Self.manyColors)
    }

    @Test("An image with at most 256 colours is written indexed and round-trips pixel-exact")
    func indexedRoundTrip() throws {
        let data = try PNGCodec.encode(Self.fewColors)
        #expect(Self.colorTypeByte(data) == 3)
        let structure = try PNGChunkReader.read(data)
        #expect(structure.hasPalette)
        #expect(structure.hasTransparency)
        #expect(structure.header.bitDepth == 4)
        #expect(try PNGCodec.decode(data) == Self.fewColors)
    }

    @Test("Exactly 256 colours is still indexed; 257 falls back to RGBA")
    func paletteBoundary() throws {
        var image = RGBAImage(width: 16, height: 17)
        for index in 0..<256 { image[index % 16, index / 16] = RGBA(UInt8(index), 0, 0) }
        for x in 0..<16 { image[x, 16] = RGBA(0, 0, 0) }
        #expect(Self.colorTypeByte(try PNGCodec.encode(image)) == 3)
        image[15, 16] = RGBA(1, 2, 3)
        let data = try PNGCodec.encode(image)
        #expect(Self.colorTypeByte(data) == 6)
        #expect(try PNGCodec.decode(data) == image)
    }

    @Test("Encoding the same image twice gives byte-identical files")
    func deterministic() throws {
        #expect(try PNGCodec.encode(Self.fewColors) == PNGCodec.encode(Self.fewColors))
        #expect(try PNGCodec.encode(Self.manyColors) == PNGCodec.encode(Self.manyColors))
        #expect(try PNGCodec.encode(Self.fewColors, fast: true) == PNGCodec.encode(Self.fewColors, fast: true))
    }

    @Test("Default compression is no larger than fast compression")
    func defaultCompressionIsSmall() throws {
        var image = RGBAImage(width: 64, height: 64)
        for y in 0..<64 { for x in 0..<64 { image[x, y] = RGBA(UInt8(x * 4), UInt8(y * 4), UInt8((x ^ y) * 4)) } }
        let normal = try PNGCodec.encodeRGBA(image)
        let fast = try PNGCodec.encodeRGBA(image, fast: true)
        #expect(normal.count <= fast.count)
        #expect(try PNGCodec.decode(fast) == image)
    }

    @Test("encodeIndexed keeps the given palette order and refuses colours outside it")
    func explicitPalette() throws {
        let palette = [
            RGBA(0, 0, 0), RGBA(255, 0, 77), .clear, RGBA(255, 255, 255, 0), RGBA(41, 173, 255, 128), RGBA(9, 9, 9),
        ]
        let data = try PNGCodec.encodeIndexed(Self.fewColors, palette: palette)
        #expect(try PNGCodec.decode(data) == Self.fewColors)
        let bytes = [UInt8](data)
        let plte = try #require(PNGChunkReader.read(data).chunks.first { $0.type == "PLTE" })
        #expect(plte.length == 18)
        #expect(Array(bytes[(plte.offset + 8)..<(plte.offset + 14)]) == [0, 0, 0, 255, 0, 77])

        #expect(throws: PixelArtError.colorNotInPalette(RGBA(255, 0, 77))) {
            try PNGCodec.encodeIndexed(Self.fewColors, palette: [RGBA(0, 0, 0), .clear])
        }
        let huge = (0..<300).map { RGBA(UInt8($0 % 256), UInt8($0 / 256), 0) }
        #expect(throws: PixelArtError.paletteTooLarge(300)) {
            try PNGCodec.encodeIndexed(Self.fewColors, palette: huge)
        }
    }

    @Test("Refuses declared dimensions over the pixel limit before decoding")
    func bombGuard() throws {
        var file = PNGChunkReader.signature
        file += RawPNGWriter.chunk(
            "IHDR",
            RawPNGWriter.ihdr(width: 100_000, height: 100_000, bitDepth: 8, colorType: .rgba)
        )
        file += RawPNGWriter.chunk("IDAT", RawPNGWriter.zlibStored([0, 1, 2, 3]))
        file += RawPNGWriter.chunk("IEND", [])
        #expect(throws: PixelArtError.tooLarge(width: 100_000, height: 100_000, limit: 16_777_216)) {
            try PNGCodec.decode(Data(file))
        }
        let small = try PNGCodec.encode(Self.fewColors)
        #expect(throws: PixelArtError.tooLarge(width: 9, height: 7, limit: 62)) {
            try PNGCodec.decode(small, maxPixels: 62)
        }
    }

    @Test("Refuses bytes that are not a PNG, truncated files and corrupt image data")
    func refusesBadInput() throws {
        #expect(throws: PixelArtError.notPNG) { try PNGCodec.decode(Data("GIF89a not a png".utf8)) }
        #expect(throws: PixelArtError.notPNG) { try PNGCodec.decode(Data()) }
        let good = [UInt8](try PNGCodec.encode(Self.manyColors))
        #expect(throws: PixelArtError.self) { try PNGCodec.decode(Data(good.prefix(good.count / 2))) }
        #expect(throws: PixelArtError.self) { try PNGCodec.decode(Data(good.prefix(20))) }
        var corrupt = good
        corrupt[good.count / 2] ^= 0xFF
        #expect(throws: PixelArtError.self) { try PNGCodec.decode(Data(corrupt)) }
    }

    @Test(
        "Encoding scaled by a factor gives the same bytes as encoding the upscaled image",
        arguments: [1, 2, 3, 7]
    )
    func scaledEncodingMatches(factor: Int) throws {
        for image in [Self.fewColors, Self.manyColors] {
            let direct = try PNGCodec.encode(image, scaledBy: factor)
            #expect(direct == (try PNGCodec.encode(image.scaledNearest(by: factor))))
            let decoded = try PNGCodec.decode(direct)
            #expect(decoded.width == image.width * factor && decoded.height == image.height * factor)
            #expect(decoded == image.scaledNearest(by: factor))
        }
    }
}
