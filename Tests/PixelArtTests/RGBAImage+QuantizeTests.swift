import Testing

@testable import PixelArt

@Suite("RGBAImage quantize and alpha threshold")
struct RGBAImageQuantizeTests {
    @Test("quantized maps every visible pixel into the palette and keeps alpha")
    func quantized() throws {
        var image = RGBAImage(width: 16, height: 16)
        for y in 0..<16 {
            for x in 0..<16 { image[x, y] = RGBA(UInt8(x * 16), UInt8(y * 16), UInt8((x + y) * 8), 255) }
        }
        image[0, 0] = RGBA(200, 100, 50, 128)
        image[1, 0] = RGBA(200, 100, 50, 0)
        let palette = try #require(Palette.named("sweetie-16"))
        let result = image.quantized(to: palette)
        #expect(result.width == 16 && result.height == 16)
        let allowed = Set(palette.colors)
        for y in 0..<16 {
            for x in 0..<16 where result[x, y].a > 0 {
                let color = result[x, y]
                #expect(allowed.contains(RGBA(color.r, color.g, color.b)))
                #expect(color.a == image[x, y].a)
            }
        }
        #expect(result[1, 0] == image[1, 0])
        #expect(
            PNGValidator(limits: .init(palette: palette.colors)).validate(try PNGCodec.encode(result)).codes == [
                "non_binary_alpha"
            ]
        )
    }

    @Test("thresholdedAlpha makes alpha binary: below the threshold fully clear, else opaque")
    func threshold() {
        var image = RGBAImage(width: 4, height: 1)
        image[0, 0] = RGBA(10, 20, 30, 0)
        image[1, 0] = RGBA(10, 20, 30, 127)
        image[2, 0] = RGBA(10, 20, 30, 128)
        image[3, 0] = RGBA(10, 20, 30, 255)
        let result = image.thresholdedAlpha()
        #expect((0..<4).map { result[$0, 0] } == [.clear, .clear, RGBA(10, 20, 30), RGBA(10, 20, 30)])
        #expect(result.hasBinaryAlpha)
        #expect(image.thresholdedAlpha(1)[1, 0] == RGBA(10, 20, 30))
    }
}
