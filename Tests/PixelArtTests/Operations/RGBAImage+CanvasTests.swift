import Testing

@testable import PixelArt

@Suite("Trim, pad and outline")
struct RGBAImageCanvasTests {
    static func dot() -> RGBAImage {
        var image = RGBAImage(width: 10, height: 8)
        for y in 2...4 {
            for x in 3...4 { image[x, y] = RGBA(9, 9, 9) }
        }
        return image
    }

    @Test("Trim crops to the visible pixels; a fully clear image trims to 1×1")
    func trim() {
        let trimmed = Self.dot().trimmed()
        #expect(trimmed.width == 2 && trimmed.height == 3)
        #expect(trimmed.distinctColors == [RGBA(9, 9, 9)])
        let empty = RGBAImage(width: 5, height: 5).trimmed()
        #expect(empty.width == 1 && empty.height == 1)
    }

    @Test(
        "Pad gives exact sizes and keeps the content centred",
        arguments: [
            (PadRule.square, 10, 10), (.multipleOf(16), 16, 16), (.multipleOf(3), 12, 9), (.powerOfTwo, 16, 8),
        ]
    )
    func pad(rule: PadRule, width: Int, height: Int) {
        let padded = Self.dot().padded(rule)
        #expect(padded.width == width && padded.height == height)
        #expect(padded.trimmed() == Self.dot().trimmed())
        #expect(padded.colorCount == Self.dot().colorCount)
    }

    @Test("Outline marks exactly the transparent 4-neighbours of visible pixels")
    func outline() {
        let outline = RGBA(255, 0, 0)
        let result = Self.dot().outlined(with: outline)
        #expect(result.trimmed().width == 4 && result.trimmed().height == 5)
        #expect(result[2, 3] == outline && result[3, 1] == outline && result[5, 4] == outline)
        #expect(result[2, 1].isTransparent)  // diagonal: not an outer 4-neighbour
        #expect(result[3, 2] == RGBA(9, 9, 9))
        var count = 0
        for y in 0..<8 {
            for x in 0..<10 where result[x, y] == outline { count += 1 }
        }
        #expect(count == 2 * 2 + 2 * 3)
    }
}
