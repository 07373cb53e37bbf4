import Testing

@testable import PixelArt

@Suite("RGBAImage colour statistics")
struct RGBAImageColorsTests {
    private static let checker: RGBAImage = {
        var image = RGBAImage(width: 3, height: 2)
        image[0, 0] = RGBA(255, 0, 0)
        image[1, 0] = RGBA(0, 255, 0)
        image[2, 0] = RGBA(0, 0, 255, 128)
        image[0, 1] = RGBA(255, 255, 255)
        return image
    }()

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
}
