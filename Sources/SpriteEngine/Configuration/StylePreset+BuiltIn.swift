import PixelArt

extension StylePreset {
    /// The presets a fresh install has; `config/dgx-pixels.yaml` spells out the same values.
    package static let builtIn: [String: StylePreset] = {
        let presets = [
            StylePreset(
                name: "8bit",
                description: "NES-era sprites: 16 px, NES palette, hard outline.",
                promptPrefix: "8-bit pixel art, nes style, ",
                size: SpriteSize(square: 16),
                palette: Palette.named("nes"),
                maxColors: 16
            ),
            StylePreset(
                name: "16bit",
                description: "SNES-era sprites: 32 px, Endesga 32 palette, outlined.",
                promptPrefix: "16-bit pixel art, snes style, ",
                size: SpriteSize(square: 32),
                palette: Palette.named("endesga-32"),
                maxColors: 32
            ),
            StylePreset(
                name: "gameboy",
                description: "Four shades of DMG green, 32 px.",
                promptPrefix: "gameboy pixel art, 4 colors, green monochrome, ",
                size: SpriteSize(square: 32),
                palette: Palette.named("gameboy"),
                maxColors: 4
            ),
            StylePreset(
                name: "pico8",
                description: "PICO-8's 16 colours, 16 px.",
                promptPrefix: "pico-8 pixel art, ",
                size: SpriteSize(square: 16),
                palette: Palette.named("pico-8"),
                maxColors: 16
            ),
            StylePreset(
                name: "hd-pixel",
                description: "Modern high-detail pixel art: 64 px, free palette up to 64 colours.",
                promptPrefix: "detailed pixel art, ",
                size: SpriteSize(square: 64),
                palette: nil,
                maxColors: 64
            ),
        ]
        return Dictionary(uniqueKeysWithValues: presets.map { ($0.name, $0) })
    }()
}
