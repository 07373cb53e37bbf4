/// The built-in palettes with their published colours, in their published order.
enum NamedPalettes {
    static let all: [Palette] = [
        // PICO-8 fantasy console, colours 0–15 (lexaloffle.com/pico-8.php?page=manual).
        palette(
            "pico-8",
            "000000 1d2b53 7e2553 008751 ab5236 5f574f c2c3c7 fff1e8 ff004d ffa300 ffec27 00e436 29adff 83769c ff77a8 ffccaa"
        ),
        // Sweetie 16 by GrafxKid (lospec.com/palette-list/sweetie-16).
        palette(
            "sweetie-16",
            "1a1c2c 5d275d b13e53 ef7d57 ffcd75 a7f070 38b764 257179 29366f 3b5dc9 41a6f6 73eff7 f4f4f4 94b0c2 566c86 333c57"
        ),
        // ENDESGA 32 (lospec.com/palette-list/endesga-32).
        palette(
            "endesga-32",
            """
            be4a2f d77643 ead4aa e4a672 b86f50 733e39 3e2731 a22633 e43b44 f77622 feae34 fee761 63c74d 3e8948 265c42 193c3e \
            124e89 0099db 2ce8f5 ffffff c0cbdc 8b9bb4 5a6988 3a4466 262b44 181425 ff0044 68386c b55088 f6757a e8b796 c28569
            """
        ),
        // Original Game Boy (DMG) greens, darkest first.
        palette("gameboy", "0f380f 306230 8bac0f 9bbc0f"),
        // IBM CGA 16-colour RGBI palette, with the hardware's brown at index 6.
        palette(
            "cga",
            "000000 0000aa 00aa00 00aaaa aa0000 aa00aa aa5500 aaaaaa 555555 5555ff 55ff55 55ffff ff5555 ff55ff ffff55 ffffff"
        ),
        // Commodore 64 VIC-II, Philip "Pepto" Timmermann's measured palette (pepto.de/projects/colorvic).
        palette(
            "c64",
            "000000 ffffff 68372b 70a4b2 6f3d86 588d43 352879 b8c76f 6f4f25 433900 9a6759 444444 6c6c6c 9ad284 6c5eb5 959595"
        ),
        // NES 2C02, the common 64-entry table ($00–$3F) with its repeated blacks removed: 55 distinct colours.
        palette(
            "nes",
            """
            7c7c7c 0000fc 0000bc 4428bc 940084 a80020 a81000 881400 503000 007800 006800 005800 004058 000000 \
            bcbcbc 0078f8 0058f8 6844fc d800cc e40058 f83800 e45c10 ac7c00 00b800 00a800 00a844 008888 \
            f8f8f8 3cbcfc 6888fc 9878f8 f878f8 f85898 f87858 fca044 f8b800 b8f818 58d854 58f898 00e8d8 787878 \
            fcfcfc a4e4fc b8b8f8 d8b8f8 f8b8f8 f8a4c0 f0d0b0 fce0a8 f8d878 d8f878 b8f8b8 b8f8d8 00fcfc f8d8f8
            """
        ),
    ]

    /// Palettes by `key(for:)` of their name.
    static let byKey: [String: Palette] = Dictionary(
        all.map { (key(for: $0.name), $0) },
        uniquingKeysWith: { first, _ in first }
    )

    /// The lookup key: lowercased, without spaces, `-` or `_`.
    static func key(for name: String) -> String {
        String(name.lowercased().filter { !" -_".contains($0) })
    }

    private static func palette(_ name: String, _ hexList: String) -> Palette {
        Palette(name: name, colors: hexList.split(separator: " ").compactMap { RGBA(hex: String($0)) })
    }
}
