import PixelArt
import Testing

@testable import SpriteEngine

extension ProceduralTests {
    @Suite("Colour words")
    struct ColorWordsTests {
        @Test("Finds the named colours in prompt order, without repeats")
        func promptOrder() throws {
            let hues = ColorWords.hues(in: "A RED knight with a gold-trimmed blue cape, red plume")
            #expect(hues.count == 3)
            let red = try #require(hues.first)
            #expect(red.r > red.g && red.r > red.b)
            let gold = hues[1]
            #expect(Int(gold.r) > Int(gold.b) + 80 && Int(gold.g) > Int(gold.b) + 60)
            #expect(hues[2].b > hues[2].r)
        }

        @Test(
            "Knows the common colour words",
            arguments: [
                "red", "gold", "blue", "green", "purple", "silver", "brown", "orange", "pink", "black", "white", "teal",
                "cyan", "yellow", "gray", "grey", "crimson", "emerald", "ice", "fire",
            ]
        )
        func knowsWord(word: String) {
            #expect(ColorWords.hues(in: "a \(word) thing").count == 1)
        }

        @Test("Gray and grey are the same colour")
        func spellings() {
            #expect(ColorWords.hues(in: "gray") == ColorWords.hues(in: "grey"))
        }

        @Test("Returns nothing for a prompt without colour words")
        func none() {
            #expect(ColorWords.hues(in: "a knight on a horse").isEmpty)
        }
    }
}
