import Testing

@testable import PixelArt

@Suite("RGBAImage nearest resizing")
struct RGBAImageResizeTests {
    @Test("scaledNearest turns each pixel into a factor × factor block")
    func scaled() {
        let scaled = SpriteFixtures.checker.scaledNearest(by: 4)
        #expect(scaled.width == 12 && scaled.height == 8)
        for y in 0..<8 { for x in 0..<12 { #expect(scaled[x, y] == SpriteFixtures.checker[x / 4, y / 4]) } }
        #expect(SpriteFixtures.checker.scaledNearest(by: 1) == SpriteFixtures.checker)
        #expect(SpriteFixtures.checker.scaledNearest(by: 0) == SpriteFixtures.checker)
    }

    @Test("resizedNearest undoes an exact upscale and hits exact sizes")
    func resized() {
        let big = SpriteFixtures.checker.scaledNearest(by: 8)
        #expect(big.resizedNearest(width: 3, height: 2) == SpriteFixtures.checker)
        for (width, height) in [(1, 1), (5, 7), (17, 3), (100, 64)] {
            let resized = big.resizedNearest(width: width, height: height)
            #expect(resized.width == width && resized.height == height)
            #expect(resized.distinctColors.isSubset(of: SpriteFixtures.checker.distinctColors))
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
}
