import Testing

@testable import PixelArt

@Suite("Dithered quantisation")
struct DitherTests {
    @Test(
        "Every dither keeps every visible pixel in the palette and transparent pixels untouched",
        arguments: Dither.allCases
    )
    func inPalette(dither: Dither) throws {
        let image = RGBAImage.adaptiveGradient
        let palette = try #require(Palette.named("gameboy"))
        let result = image.quantized(to: palette, dither: dither)
        for y in 0..<image.height {
            for x in 0..<image.width {
                if image[x, y].a == 0 {
                    #expect(result[x, y] == image[x, y])
                } else {
                    #expect(palette.containsRGB(of: result[x, y]))
                }
            }
        }
        #expect(image.quantized(to: palette, dither: dither) == result)
    }

    @Test("Dithering a smooth ramp mixes palette colours where plain quantisation bands")
    func mixes() throws {
        var ramp = RGBAImage(width: 64, height: 8)
        for y in 0..<8 {
            for x in 0..<64 { ramp[x, y] = RGBA(UInt8(x * 4), UInt8(x * 4), UInt8(x * 4)) }
        }
        let palette = Palette(name: "greys", colors: [RGBA(0, 0, 0), RGBA(128, 128, 128), RGBA(255, 255, 255)])
        func changes(_ image: RGBAImage) -> Int {
            (1..<64).filter { image[$0, 3] != image[$0 - 1, 3] }.count
        }
        #expect(changes(ramp.quantized(to: palette, dither: .none)) == 2)
        #expect(changes(ramp.quantized(to: palette, dither: .ordered)) > 4)
        #expect(changes(ramp.quantized(to: palette, dither: .floydSteinberg)) > 4)
    }
}

extension RGBAImage {
    /// A colourful 24×24 test image with a transparent first column.
    fileprivate static var adaptiveGradient: RGBAImage {
        var image = RGBAImage(width: 24, height: 24)
        for y in 0..<24 {
            for x in 1..<24 { image[x, y] = RGBA(UInt8(x * 10), UInt8(y * 10), UInt8(200 - x * 4)) }
        }
        return image
    }
}
