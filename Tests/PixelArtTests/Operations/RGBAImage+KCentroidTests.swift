import Testing

@testable import PixelArt

@Suite("k-centroid downscale")
struct RGBAImageKCentroidTests {
    @Test("Each cell takes its dominant colour, not a blend and not a stray centre pixel")
    func dominant() {
        var image = RGBAImage(width: 8, height: 4, fill: RGBA(10, 20, 30))
        for y in 0..<4 {
            for x in 4..<8 { image[x, y] = RGBA(250, 250, 0) }
        }
        image[1, 1] = RGBA(255, 0, 255)  // stray pixel under the left cell's centre
        image[2, 2] = RGBA(255, 0, 255)
        image[4, 0] = RGBA(0, 0, 0)
        let result = image.downscaledKCentroid(width: 2, height: 1)
        #expect(result.width == 2 && result.height == 1)
        #expect(result[0, 0] == RGBA(10, 20, 30))
        #expect(result[1, 0] == RGBA(250, 250, 0))
    }

    @Test("Output dimensions are exact and an exact upscale is recovered", arguments: [2, 3, 5])
    func recoversUpscale(scale: Int) {
        let sprite = SpriteFixtures.sprite(width: 9, height: 7, seed: UInt64(scale))
        let result = sprite.scaledNearest(by: scale).downscaledKCentroid(width: 9, height: 7, clusters: 3)
        #expect(result == sprite)
    }

    @Test("Transparent and opaque halves of a cell are kept apart")
    func alpha() {
        var image = RGBAImage(width: 4, height: 4)
        for y in 0..<4 {
            for x in 0..<4 where y >= 1 { image[x, y] = RGBA(100, 0, 0) }
        }
        #expect(image.downscaledKCentroid(width: 1, height: 1)[0, 0] == RGBA(100, 0, 0))
    }
}
