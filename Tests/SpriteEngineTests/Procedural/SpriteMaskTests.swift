import Testing

@testable import SpriteEngine

extension ProceduralTests {
    @Suite("Sprite masks and templates")
    struct SpriteMaskTests {
        @Test("Every template fills to a symmetric mask of at most 12 × 12 cells")
        func templatesAreSymmetric() {
            for category in SpriteCategory.allCases where category != .tile {
                #expect(!MaskTemplate.catalog(for: category).isEmpty)
                for template in MaskTemplate.catalog(for: category) {
                    var random = SeededRandom(seed: 4)
                    let mask = template.filled(using: &random)
                    #expect(mask.width <= 12 && mask.height <= 12, "\(template.name)")
                    #expect(mask.filledCount > 0, "\(template.name)")
                    for y in 0..<mask.height {
                        for x in 0..<mask.width {
                            #expect(mask[x, y] == mask[mask.width - 1 - x, y], "\(template.name) at \(x),\(y)")
                        }
                    }
                }
            }
        }

        @Test("Chooses the template a prompt names")
        func choosesByKeyword() {
            var random = SeededRandom(seed: 1)
            #expect(MaskTemplate.choose(for: .item, prompt: "a rusty sword", using: &random)?.name == "sword")
            #expect(MaskTemplate.choose(for: .creature, prompt: "green slime", using: &random)?.name == "slime")
            #expect(MaskTemplate.choose(for: .vehicle, prompt: "battle tank", using: &random)?.name == "tank")
            #expect(MaskTemplate.choose(for: .tile, prompt: "grass", using: &random) == nil)
        }

        @Test("Shrinking keeps the mask symmetric and within bounds")
        func shrinks() {
            var random = SeededRandom(seed: 2)
            let mask = MaskTemplate.characters[0].filled(using: &random)
            for limit in 2...11 {
                let small = mask.shrunk(toFit: limit, limit, mirrored: true)
                #expect(small.width <= limit && small.height <= limit)
                for y in 0..<small.height {
                    for x in 0..<small.width { #expect(small[x, y] == small[small.width - 1 - x, y]) }
                }
            }
        }

        @Test("Layouts fit the canvas with a margin and prefer detail at larger sizes")
        func layouts() throws {
            let tiny = SpriteLayout.fitting(maskWidth: 12, maskHeight: 12, canvasWidth: 8, canvasHeight: 8)
            #expect(tiny == nil)
            for size in [16, 32, 64, 128, 256] {
                let layout = try #require(
                    SpriteLayout.fitting(maskWidth: 12, maskHeight: 12, canvasWidth: size, canvasHeight: size)
                )
                #expect((12 * layout.detail + 2) * layout.scale <= size - 2)
                #expect((12 * layout.detail + 2) * layout.scale * 10 >= size * 7, "fills most of \(size)")
            }
            let large = try #require(
                SpriteLayout.fitting(maskWidth: 12, maskHeight: 12, canvasWidth: 128, canvasHeight: 128)
            )
            #expect(large.detail >= 2)
        }
    }
}
