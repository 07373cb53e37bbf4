import PixelArt

extension MaskTemplate {
    /// Humanoid figures, front view, 12 × 12.
    static let characters: [MaskTemplate] = [
        MaskTemplate(
            "knight",
            .character,
            keywords: ["knight", "paladin", "soldier", "guard", "warrior", "king", "robot"],
            defaults: [.secondary: RGBA(0x8C, 0x96, 0xA5), .accent: RGBA(0xE6, 0xB4, 0x28)],
            rows: [
                ".....~",
                "....##",
                "...###",
                "...oee",
                "...###",
                ".:=+##",
                "==+###",
                "s.+##*",
                "..====",
                "...#+#",
                "...-=.",
                "..:==.",
            ]
        ),
        MaskTemplate(
            "wizard",
            .character,
            keywords: ["wizard", "mage", "witch", "necromancer", "sorcerer", "warlock", "priest", "cleric", "monk"],
            defaults: [.secondary: RGBA(0xEB, 0xEB, 0xE6), .accent: RGBA(0xE6, 0xB4, 0x28)],
            rows: [
                ".....?",
                "....#*",
                "...###",
                ".?####",
                "...ses",
                "...===",
                "..#:==",
                ".s##+=",
                "..####",
                "..+###",
                ".+####",
                ".#####",
            ]
        ),
        MaskTemplate(
            "adventurer",
            .character,
            keywords: ["hero", "heroine", "adventurer", "villager", "farmer", "player", "archer", "ranger", "thief"],
            defaults: [.secondary: RGBA(0x7A, 0x55, 0x37)],
            rows: [
                "...:::",
                "..====",
                "..=sss",
                "..sses",
                "...sss",
                "..####",
                ".#+###",
                ".s+##*",
                "...--=",
                "...=.=",
                "..-=.=",
                "..==.=",
            ]
        ),
        MaskTemplate(
            "brute",
            .character,
            keywords: ["barbarian", "orc", "zombie", "skeleton", "pirate", "samurai", "ninja"],
            defaults: [.secondary: RGBA(0x5A, 0x5A, 0x6E)],
            rows: [
                "...?##",
                "...###",
                "...e#e",
                "...###",
                ".=+###",
                "=+####",
                "s.+###",
                "s.:-==",
                "...#+#",
                "...##.",
                "...--.",
                "..==..",
            ]
        ),
    ]
}
