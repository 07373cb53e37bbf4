import Testing

@testable import PixelArt

@Suite("RGBAImage colour statistics")
struct RGBAImageColorsTests {
    @Test("Colour statistics count distinct RGBA values and classify alpha")
    func statistics() {
        #expect(SpriteFixtures.checker.colorCount == 5)
        #expect(SpriteFixtures.checker.distinctColors.contains(.clear))
        #expect(SpriteFixtures.checker.hasAlpha)
        #expect(!SpriteFixtures.checker.hasBinaryAlpha)
        let opaque = RGBAImage(width: 2, height: 2, fill: RGBA(1, 2, 3))
        #expect(!opaque.hasAlpha && opaque.hasBinaryAlpha && opaque.colorCount == 1)
        let cutout = RGBAImage(width: 2, height: 2)
        #expect(cutout.hasAlpha && cutout.hasBinaryAlpha)
    }
}
