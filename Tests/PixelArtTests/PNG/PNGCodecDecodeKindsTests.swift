import Foundation
import Testing

@testable import PixelArt

/// Fixtures of every PNG kind, written by `RawPNGWriter`, decoded by libpng to exact RGBA8 values.
@Suite("PNG codec: decoding every PNG kind")
struct PNGCodecDecodeKindsTests {
    private func pixels(_ image: RGBAImage) -> [RGBA] {
        (0..<image.height).flatMap { y in (0..<image.width).map { x in image[x, y] } }
    }

    @Test("16-bit RGBA comes out as the high byte, with no gamma change")
    func sixteenBitRGBA() throws {
        let colors: [[UInt16]] = [
            [0, 0, 0, 65_535], [0x8080, 0x4040, 0xC0C0, 65_535], [65_535, 257 * 17, 257 * 200, 257 * 128],
            [257 * 3, 257 * 250, 257 * 99, 0],
        ]
        let data = RawPNGWriter.png(width: 2, height: 2, bitDepth: 16, colorType: .rgba, samples: colors.flatMap { $0 })
        let image = try PNGCodec.decode(data)
        #expect(pixels(image) == [RGBA(0, 0, 0), RGBA(0x80, 0x40, 0xC0), RGBA(255, 17, 200, 128), RGBA(3, 250, 99, 0)])
    }

    @Test("16-bit gray comes out as the high byte, with no gamma change")
    func sixteenBitGray() throws {
        let data = RawPNGWriter.png(width: 3, height: 1, bitDepth: 16, colorType: .gray, samples: [0, 0x8080, 65_535])
        #expect(pixels(try PNGCodec.decode(data)) == [RGBA(0, 0, 0), RGBA(128, 128, 128), RGBA(255, 255, 255)])
    }

    @Test("8-bit gray expands to equal R, G and B, opaque")
    func eightBitGray() throws {
        let data = RawPNGWriter.png(width: 4, height: 1, bitDepth: 8, colorType: .gray, samples: [0, 1, 128, 255])
        #expect(
            pixels(try PNGCodec.decode(data)) == [
                RGBA(0, 0, 0), RGBA(1, 1, 1), RGBA(128, 128, 128), RGBA(255, 255, 255),
            ]
        )
    }

    @Test("Low-bit-depth gray scales to the full 0–255 range")
    func lowBitGray() throws {
        let oneBit = RawPNGWriter.png(width: 3, height: 1, bitDepth: 1, colorType: .gray, samples: [0, 1, 0])
        #expect(pixels(try PNGCodec.decode(oneBit)) == [RGBA(0, 0, 0), RGBA(255, 255, 255), RGBA(0, 0, 0)])
        let fourBit = RawPNGWriter.png(width: 3, height: 1, bitDepth: 4, colorType: .gray, samples: [0, 7, 15])
        #expect(pixels(try PNGCodec.decode(fourBit)) == [RGBA(0, 0, 0), RGBA(119, 119, 119), RGBA(255, 255, 255)])
    }

    @Test("8-bit gray + alpha keeps straight (not premultiplied) alpha")
    func grayAlpha() throws {
        let data = RawPNGWriter.png(
            width: 3,
            height: 1,
            bitDepth: 8,
            colorType: .grayAlpha,
            samples: [200, 255, 200, 128, 50, 0]
        )
        #expect(
            pixels(try PNGCodec.decode(data)) == [RGBA(200, 200, 200), RGBA(200, 200, 200, 128), RGBA(50, 50, 50, 0)]
        )
    }

    @Test("8-bit RGB is opaque; a tRNS colour key makes matching pixels clear")
    func rgbWithColorKey() throws {
        let plain = RawPNGWriter.png(
            width: 2,
            height: 1,
            bitDepth: 8,
            colorType: .rgb,
            samples: [10, 20, 30, 255, 0, 255]
        )
        #expect(pixels(try PNGCodec.decode(plain)) == [RGBA(10, 20, 30), RGBA(255, 0, 255)])
        let keyed = RawPNGWriter.png(
            width: 2,
            height: 1,
            bitDepth: 8,
            colorType: .rgb,
            samples: [10, 20, 30, 255, 0, 255],
            transparency: [0, 255, 0, 0, 0, 255]
        )
        #expect(pixels(try PNGCodec.decode(keyed)) == [RGBA(10, 20, 30), RGBA(255, 0, 255, 0)])
    }

    @Test("8-bit palette with tRNS gives each index its colour and alpha")
    func paletteWithTransparency() throws {
        let data = RawPNGWriter.png(
            width: 4,
            height: 1,
            bitDepth: 8,
            colorType: .indexed,
            samples: [0, 1, 2, 1],
            palette: [(0, 0, 0), (255, 0, 77), (41, 173, 255)],
            transparency: [0, 128]
        )
        #expect(
            pixels(try PNGCodec.decode(data)) == [
                RGBA(0, 0, 0, 0), RGBA(255, 0, 77, 128), RGBA(41, 173, 255), RGBA(255, 0, 77, 128),
            ]
        )
    }

    @Test("1-, 2- and 4-bit palettes unpack every index, across byte boundaries", arguments: [1, 2, 4])
    func lowBitPalette(bitDepth: Int) throws {
        let entries = 1 << bitDepth
        let palette: [(UInt8, UInt8, UInt8)] = (0..<entries).map { (index: Int) -> (UInt8, UInt8, UInt8) in
            (UInt8(index * 16), UInt8(255 - index * 16), UInt8(index * 5))
        }
        let width = 11
        let samples = (0..<(width * 3)).map { UInt16(($0 * 7 + $0 / width) % entries) }
        let data = RawPNGWriter.png(
            width: width,
            height: 3,
            bitDepth: bitDepth,
            colorType: .indexed,
            samples: samples,
            palette: palette
        )
        let expected = samples.map { index in RGBA(palette[Int(index)].0, palette[Int(index)].1, palette[Int(index)].2)
        }
        #expect(pixels(try PNGCodec.decode(data)) == expected)
    }

    @Test(
        "Adam7-interlaced images decode to the same pixels as non-interlaced ones",
        arguments: [(1, 1), (3, 2), (13, 11), (8, 8)]
    )
    func interlaced(size: (Int, Int)) throws {
        let (width, height) = size
        let samples: [UInt16] = (0..<(width * height)).flatMap { (index: Int) -> [UInt16] in
            let alpha: UInt16 = index % 2 == 0 ? 255 : 100
            return [UInt16(index % 256), UInt16(index * 3 % 256), UInt16(255 - index % 256), alpha]
        }
        let interlaced = RawPNGWriter.png(
            width: width,
            height: height,
            bitDepth: 8,
            colorType: .rgba,
            samples: samples,
            interlaced: true
        )
        let progressive = RawPNGWriter.png(
            width: width,
            height: height,
            bitDepth: 8,
            colorType: .rgba,
            samples: samples
        )
        #expect(try PNGChunkReader.readHeader(interlaced).interlaced)
        let image = try PNGCodec.decode(interlaced)
        #expect(image == (try PNGCodec.decode(progressive)))
        #expect(image.pixels == samples.map { UInt8($0) })
    }

    @Test("Interlaced 2-bit palette images decode exactly")
    func interlacedLowBitPalette() throws {
        let samples = (0..<(10 * 9)).map { UInt16($0 % 4) }
        let palette: [(UInt8, UInt8, UInt8)] = [(1, 2, 3), (40, 50, 60), (200, 100, 0), (255, 255, 255)]
        let data = RawPNGWriter.png(
            width: 10,
            height: 9,
            bitDepth: 2,
            colorType: .indexed,
            samples: samples,
            palette: palette,
            transparency: [0],
            interlaced: true
        )
        let expected = samples.map { index in
            RGBA(palette[Int(index)].0, palette[Int(index)].1, palette[Int(index)].2, index == 0 ? 0 : 255)
        }
        #expect(pixels(try PNGCodec.decode(data)) == expected)
    }
}
