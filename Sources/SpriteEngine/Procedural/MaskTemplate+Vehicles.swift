import PixelArt

extension MaskTemplate {
    /// Vehicles seen from above, nose up, at most 12 × 12 (the first is Bollinger's spaceship mask, filled in).
    static let vehicles: [MaskTemplate] = [
        MaskTemplate(
            "spaceship",
            .vehicle,
            keywords: ["spaceship", "ship", "starship", "spacecraft", "fighter", "rocket", "ufo", "shuttle", "jet"],
            defaults: [.accent: RGBA(0x78, 0xD2, 0xF0), .secondary: RGBA(0xF0, 0x8C, 0x28)],
            rows: [
                ".....#",
                "....?#",
                "....#*",
                "...?#*",
                "...##*",
                "..?###",
                ".?#+##",
                "??#+#+",
                "?##+##",
                ".?####",
                "...?##",
                "....:=",
            ]
        ),
        MaskTemplate(
            "car",
            .vehicle,
            keywords: ["car", "kart", "buggy", "racer", "truck", "taxi", "van"],
            defaults: [.secondary: RGBA(0x32, 0x32, 0x3C), .accent: RGBA(0x8C, 0xC8, 0xE6)],
            rows: [
                "..####",
                ".#####",
                "=#####",
                "=#####",
                ".#****",
                ".#****",
                ".#+###",
                ".#####",
                ".#****",
                "=#####",
                "=#####",
                ".#####",
            ]
        ),
        MaskTemplate(
            "tank",
            .vehicle,
            keywords: ["tank", "cannon", "artillery", "mech"],
            defaults: [.primary: RGBA(0x64, 0x78, 0x3C), .secondary: RGBA(0x46, 0x46, 0x50)],
            rows: [
                ".....=",
                ".....=",
                ".....=",
                "--.###",
                "--####",
                "--#+oo",
                "--#o##",
                "--#o##",
                "--####",
                "--+###",
                "--####",
                "......",
            ]
        ),
        MaskTemplate(
            "boat",
            .vehicle,
            keywords: ["boat", "sail", "sailboat", "submarine", "raft", "canoe"],
            defaults: [.primary: RGBA(0x8C, 0x5A, 0x32), .secondary: RGBA(0xEB, 0xEB, 0xE6)],
            rows: [
                "......",
                ".....#",
                "....=#",
                "...==#",
                "...==#",
                "..===#",
                "..===#",
                ".====#",
                "......",
                "######",
                ".#+###",
                "..####",
            ]
        ),
    ]

    /// The templates of a category (tiles have none: they are textures, not masks).
    static func catalog(for category: SpriteCategory) -> [MaskTemplate] {
        switch category {
        case .character: characters
        case .creature: creatures
        case .item: items
        case .vehicle: vehicles
        case .tile: []
        }
    }

    /// The template for a prompt: one whose keyword the prompt uses, else one picked by the seed.
    static func choose(for category: SpriteCategory, prompt: String, using random: inout SeededRandom) -> MaskTemplate?
    {
        let catalog = catalog(for: category)
        let words = PromptWords.words(in: prompt)
        for word in words {
            let matching = catalog.filter {
                $0.keywords.contains(word) || $0.keywords.contains(PromptWords.singular(word))
            }
            if !matching.isEmpty { return random.pick(matching) }
        }
        return random.pick(catalog)
    }
}
