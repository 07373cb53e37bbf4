import Testing

@testable import PixelArt

@Suite("RGBAImage helpers")
struct RGBAImageHelpersTests {
    private static let checker: RGBAImage = {
        var image = RGBAImage(width: 3, height: 2)
        image[0, 0] = RGBA(255, 0, 0)
        image[1, 0] = RGBA(0, 255, 0)
        image[2, 0] = RGBA(0, 0, 255, 128)
        image[0, 1] = RGBA(255, 255, 255)
        return image
    }()

    @Test("scaledNearest turns each pixel into a factor × factor block")
    func scaled() {
        let scaled = Self.checker.scaledNearest(by: 4)
        #expect(scaled.width == 12 && scaled.height == 8)
        for y in 0..<8 { for x in 0..<12 { #expect(scaled[x, y] == Self.checker[x / 4, y / 4]) } }
        #expect(Self.checker.scaledNearest(by: 1) == Self.checker)
        #expect(Self.checker.scaledNearest(by: 0) == Self.checker)
    }

    @Test("resizedNearest undoes an exact upscale and hits exact sizes")
    func resized() {
        let big = Self.checker.scaledNearest(by: 8)
        #expect(big.resizedNearest(width: 3, height: 2) == Self.checker)
        for (width, height) in [(1, 1), (5, 7), (17, 3), (100, 64)] {
            let resized = big.resizedNearest(width: width, height: height)
            #expect(resized.width == width && resized.height == height)
            #expect(resized.distinctColors.isSubset(of: Self.checker.distinctColors))
        }
    }

    @Test("resizedNearest samples the source pixel under each destination centre")
    func nearestCentre() {
        var row = RGBAImage(width: 4, height: 1)
        for x in 0..<4 { row[x, 0] = RGBA(UInt8(x * 10), 0, 0) }
        let down = row.resizedNearest(width: 3, height: 1)
        // floor((x + 0.5) * 4 / 3) = 0, 2, 3
        #expect((0..<3).map { down[$0, 0].r } == [0, 20, 30])
        let up = row.resizedNearest(width: 6, height: 1)
        // floor((x + 0.5) * 4 / 6) = 0, 1, 1, 2, 3, 3
        #expect((0..<6).map { up[$0, 0].r } == [0, 10, 10, 20, 30, 30])
    }

    @Test("Colour statistics count distinct RGBA values and classify alpha")
    func statistics() {
        #expect(Self.checker.colorCount == 5)
        #expect(Self.checker.distinctColors.contains(.clear))
        #expect(Self.checker.hasAlpha)
        #expect(!Self.checker.hasBinaryAlpha)
        let opaque = RGBAImage(width: 2, height: 2, fill: RGBA(1, 2, 3))
        #expect(!opaque.hasAlpha && opaque.hasBinaryAlpha && opaque.colorCount == 1)
        let cutout = RGBAImage(width: 2, height: 2)
        #expect(cutout.hasAlpha && cutout.hasBinaryAlpha)
    }

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
