import Testing

@testable import SpriteEngine

extension ProceduralTests {
    @Suite("Sprite category inference")
    struct SpriteCategoryTests {
        @Test(
            "Infers the category from prompt words",
            arguments: [
                ("a red knight with a shield", SpriteCategory.character),
                ("Old WIZARD casting", .character),
                ("green slime", .creature),
                ("fire dragon", .creature),
                ("cave bat", .creature),
                ("silver sword", .item),
                ("health potion", .item),
                ("gold coin", .item),
                ("rusty key", .item),
                ("treasure chest", .item),
                ("red sports car", .vehicle),
                ("pirate ship", .character),
                ("space ship", .vehicle),
                ("desert tank", .vehicle),
                ("blue spaceship", .vehicle),
                ("grass", .tile),
                ("mossy stone", .tile),
                ("castle brick wall", .tile),
                ("deep water", .tile),
                ("wooden floor", .tile),
                ("knights", .character),
            ]
        )
        func infers(prompt: String, category: SpriteCategory) {
            #expect(SpriteCategory.infer(fromPrompt: prompt) == category)
        }

        @Test("Returns nil when no word names a category")
        func nothingMatches() {
            #expect(SpriteCategory.infer(fromPrompt: "something shiny and blue") == nil)
            #expect(SpriteCategory.infer(fromPrompt: "") == nil)
        }

        @Test("An unnamed category draws a character")
        func defaultsToCharacter() {
            #expect(ProceduralSpec(prompt: "something", seed: 1, width: 16, height: 16).resolvedCategory == .character)
            let given = ProceduralSpec(prompt: "knight", seed: 1, width: 16, height: 16, category: .tile)
            #expect(given.resolvedCategory == .tile)
        }
    }
}
