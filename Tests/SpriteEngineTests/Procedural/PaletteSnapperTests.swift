import PixelArt
import Testing

@testable import SpriteEngine

extension ProceduralTests {
    @Suite("Palette snapping and shade ramps")
    struct PaletteSnapperTests {
        @Test("Snaps to the nearest palette colour")
        func nearest() throws {
            let palette = try #require(
                PaletteSnapper(palette: [RGBA(0, 0, 0), RGBA(255, 255, 255), RGBA(200, 30, 30), RGBA(0, 0, 0, 0)])
            )
            #expect(palette.nearest(RGBA(180, 50, 40)) == RGBA(200, 30, 30))
            #expect(palette.nearest(RGBA(20, 20, 25)) == RGBA(0, 0, 0))
            #expect(palette.nearest(RGBA(230, 240, 235)) == RGBA(255, 255, 255))
            #expect(PaletteSnapper(palette: []) == nil)
        }

        @Test("Ramps run from light to dark with an outline darker than every shade")
        func rampOrder() {
            for base in ColorWords.seedHues + ColorWords.neutralHues {
                let ramp = ShadeRamp(base: base)
                let lumas = (0..<5).map { ShadeRamp.luma(ramp[$0]) }
                #expect(lumas == lumas.sorted(by: >), "\(base.hex)")
                #expect(ShadeRamp.luma(ramp.outline) < lumas[4])
                #expect(ramp[ShadeRamp.baseIndex] == base)
            }
        }
    }
}
