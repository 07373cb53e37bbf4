import PixelArt

extension MaskTemplate {
    private static let steel = RGBA(0xB9, 0xC3, 0xCD)
    private static let gold = RGBA(0xE6, 0xB4, 0x28)
    private static let wood = RGBA(0x8C, 0x5A, 0x32)

    /// Pickups and equipment, upright, at most 12 × 12.
    static let items: [MaskTemplate] = [
        MaskTemplate(
            "sword",
            .item,
            keywords: ["sword", "blade", "dagger", "katana", "sabre", "saber"],
            defaults: [.primary: steel, .secondary: wood, .accent: gold],
            rows: [
                ".....#",
                "....##",
                "....##",
                "....##",
                "....##",
                "....##",
                "....##",
                "..~***",
                "...~*=",
                ".....=",
                ".....=",
                "....~*",
            ]
        ),
        MaskTemplate(
            "potion",
            .item,
            keywords: ["potion", "flask", "bottle", "elixir", "vial"],
            defaults: [.primary: RGBA(0xD2, 0x32, 0x50), .secondary: wood, .accent: RGBA(0xC8, 0xE6, 0xF0)],
            rows: [
                "....:=",
                "....==",
                "....**",
                "....**",
                "...*##",
                "..*###",
                ".*####",
                ".*####",
                ".*####",
                ".*####",
                "..*###",
                "...###",
            ]
        ),
        MaskTemplate(
            "coin",
            .item,
            keywords: ["coin", "money", "medal", "token", "ring"],
            symmetry: .mirroredBothWays,
            defaults: [.primary: gold],
            rows: [
                "...###",
                ".+####",
                ".##ooo",
                "##o###",
                "##o###",
                "##o###",
            ]
        ),
        MaskTemplate(
            "key",
            .item,
            keywords: ["key"],
            defaults: [.primary: gold],
            rows: [
                "...###",
                "..#+##",
                "..##..",
                "..##..",
                "..+###",
                "...###",
                ".....#",
                ".....#",
                "....##",
                ".....#",
                "....##",
                ".....#",
            ]
        ),
        MaskTemplate(
            "chest",
            .item,
            keywords: ["chest", "treasure", "box", "crate", "loot"],
            defaults: [.primary: wood, .accent: gold],
            rows: [
                "......",
                "..####",
                ".#####",
                "*#####",
                "*+++++",
                "******",
                "*####*",
                "*#####",
                "*#####",
                "*+#+##",
                "******",
                "......",
            ]
        ),
        MaskTemplate(
            "gem",
            .item,
            keywords: ["gem", "jewel", "crystal", "diamond", "orb"],
            symmetry: .mirroredBothWays,
            defaults: [.primary: RGBA(0x3C, 0xB4, 0xE6)],
            rows: [
                "......",
                "....##",
                "...###",
                "..####",
                ".#####",
                "######",
            ]
        ),
        MaskTemplate(
            "shield",
            .item,
            keywords: ["shield", "buckler", "armor", "armour", "crest"],
            defaults: [.secondary: steel, .accent: gold],
            rows: [
                "======",
                "=#####",
                "=###*#",
                "=###*#",
                "=#****",
                "=###*#",
                "=###*#",
                ".=##*#",
                ".=###*",
                "..=###",
                "...=##",
                "....==",
            ]
        ),
    ]
}
