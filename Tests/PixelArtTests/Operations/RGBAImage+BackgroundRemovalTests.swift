import Testing

@testable import PixelArt

@Suite("Background removal")
struct RGBAImageBackgroundTests {
    /// A 10×10 image: a noisy grey backdrop, a red ring, and inside the ring the backdrop grey again.
    static func ringOnBackdrop() -> RGBAImage {
        var image = RGBAImage(width: 10, height: 10, fill: RGBA(200, 200, 200))
        for y in 0..<10 {
            for x in 0..<10 where (x + y) % 3 == 0 { image[x, y] = RGBA(205, 196, 200) }
        }
        for y in 2...7 {
            for x in 2...7 { image[x, y] = RGBA(220, 30, 30) }
        }
        for y in 4...5 {
            for x in 4...5 { image[x, y] = RGBA(200, 200, 200) }
        }
        return image
    }

    @Test("Flood fill clears the border-connected backdrop within tolerance and keeps enclosed areas")
    func floodFill() {
        let result = Self.ringOnBackdrop().removingBackground(tolerance: 8)
        for y in 0..<10 {
            for x in 0..<10 {
                let inRing = (2...7).contains(x) && (2...7).contains(y)
                #expect(result[x, y].isTransparent == !inRing, "pixel \(x),\(y)")
            }
        }
        #expect(result[4, 4] == RGBA(200, 200, 200))
        #expect(result.width == 10 && result.height == 10)
    }

    @Test("Zero tolerance leaves near-backdrop pixels; an already clear border is left alone")
    func toleranceAndClearBorder() {
        let strict = Self.ringOnBackdrop().removingBackground(tolerance: 0)
        #expect(strict[1, 0].isTransparent)
        #expect(strict[1, 2] == RGBA(205, 196, 200))
        let clear = RGBAImage(width: 4, height: 4)
        #expect(clear.removingBackground() == clear)
    }

    @Test("A key colour is cleared everywhere, enclosed or not")
    func keyColor() {
        let result = Self.ringOnBackdrop().removingKeyColor(RGBA(200, 200, 200), tolerance: 8)
        #expect(result[4, 4].isTransparent && result[0, 0].isTransparent)
        #expect(result[3, 3] == RGBA(220, 30, 30))
        #expect(result.hasBinaryAlpha)
    }
}
