import Testing

@testable import PixelArt

@Suite("PixelArtError")
struct PixelArtErrorTests {
    @Test("Every description is one sentence that says what went wrong and what to do")
    func descriptions() {
        let errors: [PixelArtError] = [
            .notPNG, .truncated(detail: "x"), .badCRC(chunk: "IDAT", offset: 33), .invalidHeader("zero width"),
            .tooLarge(width: 100_000, height: 100_000, limit: 16_777_216), .decodeFailed("bad"),
            .encodeFailed("bad"), .colorNotInPalette(RGBA(1, 2, 3)), .paletteTooLarge(300), .invalidPalette("empty"),
        ]
        for error in errors {
            #expect(error.description.hasSuffix("."))
            #expect(!error.description.contains("\n"))
        }
        #expect(PixelArtError.badCRC(chunk: "IDAT", offset: 33).description.contains("IDAT at byte 33"))
        #expect(PixelArtError.colorNotInPalette(RGBA(1, 2, 3)).description.contains("#010203"))
        #expect(PixelArtError.tooLarge(width: 2, height: 3, limit: 5).description.contains("2×3 = 6 pixels"))
    }
}
