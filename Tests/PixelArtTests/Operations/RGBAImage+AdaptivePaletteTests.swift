import Testing

@testable import PixelArt

@Suite("Adaptive palette (median cut in Oklab)")
struct RGBAImageAdaptivePaletteTests {
    static func gradient() -> RGBAImage {
        var image = RGBAImage(width: 32, height: 32)
        for y in 0..<32 {
            for x in 0..<32 { image[x, y] = RGBA(UInt8(x * 8), UInt8(y * 8), UInt8((x * y) % 256), x == 0 ? 0 : 255) }
        }
        return image
    }

    @Test(
        "Gives at most N colours, and quantizing to it leaves at most N visible colours",
        arguments: [1, 2, 5, 16, 64]
    )
    func atMostN(count: Int) throws {
        let image = Self.gradient()
        let palette = try image.adaptivePalette(colors: count)
        #expect(palette.colors.count <= count)
        let result = image.quantized(to: palette)
        let visible = Set(result.distinctColors.filter { $0.a > 0 })
        #expect(visible.count <= count)
        #expect(visible.allSatisfy { palette.containsRGB(of: $0) })
    }

    @Test("An image with fewer colours than asked keeps them exactly")
    func exactWhenFew() throws {
        let sprite = SpriteFixtures.sprite(width: 10, height: 10, colors: 4, seed: 3)
        let palette = try sprite.adaptivePalette(colors: 16)
        let visible = sprite.distinctColors.filter { $0.a > 0 }
        #expect(Set(palette.colors) == Set(visible))
        #expect(sprite.quantized(to: palette) == sprite)
    }

    @Test("Is deterministic")
    func deterministic() throws {
        #expect(try Self.gradient().adaptivePalette(colors: 12) == Self.gradient().adaptivePalette(colors: 12))
    }

    @Test("Refuses 0 and more than 256 colours", arguments: [0, -1, 257])
    func refuses(count: Int) {
        #expect(throws: PixelArtError.invalidColorCount(count)) { try Self.gradient().adaptivePalette(colors: count) }
    }
}
