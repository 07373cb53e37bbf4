import Testing

@testable import PixelArt

@Suite("Pixel grid detection")
struct PixelGridTests {
    @Test("Recovers scale and offset of a known sprite upscaled 2–16× with blur and noise", arguments: 2...16)
    func recovers(scale: Int) {
        let sprite = SpriteFixtures.sprite(width: 16, height: 14, seed: UInt64(100 + scale))
        let offsetX = (scale * 3 / 7) % scale
        let offsetY = (scale * 5 / 8) % scale
        let upscaled = SpriteFixtures.upscaled(
            sprite,
            scale: scale,
            offsetX: offsetX,
            offsetY: offsetY,
            backdrop: RGBA(40, 120, 200)
        )
        let damaged = SpriteFixtures.damaged(upscaled, noise: 8, seed: UInt64(scale))
        let grid = PixelGrid.detect(in: damaged)
        #expect(grid == PixelGrid(scale: scale, offsetX: offsetX, offsetY: offsetY))
    }

    @Test("Downscaling on the detected grid gives the sprite back, colours within the noise", arguments: [4, 7, 12])
    func downscales(scale: Int) throws {
        let sprite = SpriteFixtures.sprite(width: 12, height: 10, seed: UInt64(scale))
        let backdrop = RGBA(40, 120, 200)
        let upscaled = SpriteFixtures.upscaled(sprite, scale: scale, offsetX: 0, offsetY: 0, backdrop: backdrop)
        let damaged = SpriteFixtures.damaged(upscaled, noise: 6, seed: 9)
        let result = damaged.downscaled(on: PixelGrid.detect(in: damaged))
        try #require(result.width == 12 && result.height == 10)
        for y in 0..<10 {
            for x in 0..<12 {
                let expected = sprite[x, y].a == 0 ? backdrop : sprite[x, y]
                let got = result[x, y]
                let error = max(
                    abs(Int(got.r) - Int(expected.r)),
                    abs(Int(got.g) - Int(expected.g)),
                    abs(Int(got.b) - Int(expected.b))
                )
                #expect(error <= 8, "pixel \(x),\(y): \(got.hex) vs \(expected.hex)")
            }
        }
    }

    @Test("An image that was never upscaled reports scale 1 and downscaling on it is the identity")
    func native() {
        var random = TestRandom(seed: 5)
        var sprite = RGBAImage(width: 48, height: 40)
        for y in 0..<40 {
            for x in 0..<48 {
                sprite[x, y] = RGBA(
                    UInt8.random(in: 0...255, using: &random),
                    90,
                    UInt8.random(in: 0...255, using: &random)
                )
            }
        }
        let grid = PixelGrid.detect(in: sprite)
        #expect(grid.scale == 1)
        #expect(sprite.downscaled(on: grid) == sprite)
    }
}
