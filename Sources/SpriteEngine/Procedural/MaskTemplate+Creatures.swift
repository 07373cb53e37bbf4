import PixelArt

extension MaskTemplate {
    /// Monsters and animals, front view, at most 12 × 12.
    static let creatures: [MaskTemplate] = [
        MaskTemplate(
            "slime",
            .creature,
            keywords: ["slime", "blob", "jelly", "ooze", "goo", "jellyfish"],
            defaults: [.primary: RGBA(0x50, 0xC8, 0x50)],
            rows: [
                "......",
                "......",
                "....##",
                "...###",
                "..####",
                ".##e##",
                ".##e##",
                "+#####",
                "######",
                "######",
                "?#####",
                ".?##?#",
            ]
        ),
        MaskTemplate(
            "bat",
            .creature,
            keywords: ["bat", "bird", "owl", "dragon", "wyvern", "demon", "imp", "bee", "insect"],
            rows: [
                "......",
                "......",
                "....#.",
                "#...##",
                "##.#e#",
                "##+###",
                "######",
                "+#+###",
                "?.?+##",
                "...?=#",
                "....=.",
                "......",
            ]
        ),
        MaskTemplate(
            "beast",
            .creature,
            keywords: ["monster", "beast", "goblin", "troll", "wolf", "bear", "golem", "dog", "cat", "fox", "boar"],
            defaults: [.accent: RGBA(0xEB, 0xEB, 0xE6)],
            rows: [
                ".#....",
                ".#..##",
                "..####",
                "..#e##",
                ".+####",
                "..#*.*",
                "?+####",
                "#.+###",
                "#.####",
                "..+##.",
                "..##..",
                ".?#...",
            ]
        ),
        MaskTemplate(
            "bug",
            .creature,
            keywords: ["spider", "beetle", "bug", "crab", "scorpion", "ant"],
            defaults: [.secondary: RGBA(0x46, 0x3C, 0x46)],
            rows: [
                "......",
                "==....",
                ".=..##",
                ".==#ee",
                "..=###",
                "====##",
                "...###",
                "..=###",
                ".==+##",
                ".=..##",
                "==....",
                "......",
            ]
        ),
    ]
}
