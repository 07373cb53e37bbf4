import PixelArt

/// The colour words a prompt can use and the base colour each names ("red knight" → red, "gold coin" → gold).
package enum ColorWords {
    /// The base colours named in the prompt, in prompt order, without repeats.
    package static func hues(in prompt: String) -> [RGBA] {
        var hues: [RGBA] = []
        for word in PromptWords.words(in: prompt) {
            guard let hue = table[word] ?? table[PromptWords.singular(word)], !hues.contains(hue) else { continue }
            hues.append(hue)
        }
        return hues
    }

    /// Colours the engine picks from when the prompt names none: saturated enough to read at 16 px.
    static let seedHues: [RGBA] = [
        RGBA(0xC8, 0x3C, 0x3C), RGBA(0x3C, 0x6E, 0xD2), RGBA(0x46, 0xA0, 0x46), RGBA(0x8C, 0x50, 0xC8),
        RGBA(0xE6, 0x8C, 0x28), RGBA(0x28, 0xA0, 0xA0), RGBA(0xDC, 0xB4, 0x32), RGBA(0xD2, 0x5A, 0x96),
        RGBA(0x8C, 0x5A, 0x32), RGBA(0x6E, 0x78, 0x8C),
    ]

    /// Quiet second colours (steel, leather, cloth) that go with any first colour.
    static let neutralHues: [RGBA] = [
        RGBA(0x8C, 0x96, 0xA5), RGBA(0x7A, 0x55, 0x37), RGBA(0x5A, 0x5A, 0x6E), RGBA(0xB4, 0xA0, 0x78),
        RGBA(0x46, 0x50, 0x64),
    ]

    /// Skin tones for faces and hands.
    static let skinTones: [RGBA] = [
        RGBA(0xF0, 0xC8, 0xA0), RGBA(0xDC, 0xA5, 0x78), RGBA(0xB4, 0x78, 0x50), RGBA(0x8C, 0x5A, 0x3C),
        RGBA(0xF5, 0xD7, 0xB9),
    ]

    private static let table: [String: RGBA] = {
        let named: [(RGBA, [String])] = [
            (RGBA(0xC8, 0x32, 0x32), ["red", "scarlet", "ruby", "blood", "rust"]),
            (RGBA(0x9B, 0x14, 0x32), ["crimson", "maroon", "wine"]),
            (RGBA(0xE6, 0x82, 0x1E), ["orange", "amber", "tangerine"]),
            (RGBA(0xE6, 0xB4, 0x28), ["gold", "golden"]),
            (RGBA(0xEB, 0xD7, 0x37), ["yellow", "lemon"]),
            (RGBA(0x8C, 0xC8, 0x32), ["lime"]),
            (RGBA(0x3C, 0xA0, 0x46), ["green", "leaf", "forest"]),
            (RGBA(0x1E, 0xA0, 0x64), ["emerald", "jade"]),
            (RGBA(0x64, 0x78, 0x3C), ["olive", "moss", "camo"]),
            (RGBA(0x23, 0x96, 0x96), ["teal", "turquoise"]),
            (RGBA(0x32, 0xC8, 0xDC), ["cyan", "aqua"]),
            (RGBA(0x3C, 0x64, 0xD2), ["blue", "azure", "sapphire", "cobalt"]),
            (RGBA(0x28, 0x32, 0x82), ["navy", "indigo"]),
            (RGBA(0xA0, 0xDC, 0xF0), ["ice", "icy", "frost", "frozen", "snow", "snowy"]),
            (RGBA(0x8C, 0x46, 0xBE), ["purple", "violet", "amethyst", "arcane"]),
            (RGBA(0xC8, 0x3C, 0xBE), ["magenta", "fuchsia"]),
            (RGBA(0xEB, 0x82, 0xAA), ["pink", "rose"]),
            (RGBA(0x8C, 0x5A, 0x32), ["brown", "wood", "wooden", "leather", "chocolate"]),
            (RGBA(0xB4, 0x6E, 0x32), ["bronze", "copper"]),
            (RGBA(0xB9, 0xC3, 0xCD), ["silver", "steel", "iron", "metal", "chrome"]),
            (RGBA(0x82, 0x82, 0x8C), ["gray", "grey", "stone", "ash"]),
            (RGBA(0x32, 0x2D, 0x3C), ["black", "obsidian", "shadow", "dark"]),
            (RGBA(0xEB, 0xEB, 0xE6), ["white", "pearl", "bone", "ivory"]),
            (RGBA(0xF0, 0x64, 0x1E), ["fire", "flame", "fiery", "lava", "magma", "burning"]),
            (RGBA(0xDC, 0xC8, 0x8C), ["sand", "sandy", "desert", "tan", "beige"]),
        ]
        var table: [String: RGBA] = [:]
        for (colour, words) in named {
            for word in words { table[word] = colour }
        }
        return table
    }()
}
