import PixelArt

/// The colours one sprite is drawn in: a shading ramp per part, the outline, and the eyes.
struct SpriteColours: Sendable {
    /// Indexed by `SpritePart.rawValue`; the primary ramp has five shades, the others three.
    private(set) var ramps: [ShadeRamp]
    private(set) var outline: RGBA
    private(set) var eye: RGBA
    private(set) var glint: RGBA

    /// Prompt colours first (first colour → primary, second → secondary, third → accent), then the template's
    /// defaults, then colours picked by the seed; snapped to the palette when one is given.
    init(prompt: String, template: MaskTemplate?, palette: PaletteSnapper?, using random: inout SeededRandom) {
        let hues = ColorWords.hues(in: prompt)
        let defaults = template?.defaultColours ?? [:]
        // Draw every pick unconditionally so the random sequence does not depend on which colours the prompt names.
        let seedPrimary = random.pick(ColorWords.seedHues) ?? RGBA(0xC8, 0x3C, 0x3C)
        let seedSecondary = random.pick(ColorWords.neutralHues) ?? RGBA(0x8C, 0x96, 0xA5)
        let seedAccent = random.pick(ColorWords.seedHues) ?? RGBA(0xE6, 0xB4, 0x28)
        let seedSkin = random.pick(ColorWords.skinTones) ?? RGBA(0xF0, 0xC8, 0xA0)

        let primary = hues.first ?? defaults[.primary] ?? seedPrimary
        let secondary = hues.dropFirst().first ?? defaults[.secondary] ?? seedSecondary
        var accent = hues.dropFirst(2).first ?? defaults[.accent] ?? seedAccent
        if accent == primary { accent = ColorWords.seedHues.first { $0 != primary } ?? accent }
        let skin = defaults[.skin] ?? seedSkin

        let bases = [primary, secondary, accent, skin, RGBA(0x28, 0x1E, 0x32)]
            .map { ShadeRamp.jitter($0, by: 8, using: &random) }
        var ramps = bases.enumerated().map { part, base in
            part == SpritePart.primary.rawValue ? ShadeRamp(base: base) : ShadeRamp(base: base).narrowed()
        }
        var outline = ramps[SpritePart.primary.rawValue].outline
        // Eyes share the outline colour: it reads as a dark pupil and keeps the colour count down.
        var eye = outline
        var glint = RGBA(0xF5, 0xF5, 0xEB)
        if let palette {
            ramps = ramps.map { $0.snapped(to: palette) }
            outline = palette.nearest(outline)
            eye = palette.nearest(eye)
            glint = palette.nearest(glint)
        }
        self.ramps = ramps
        self.outline = outline
        self.eye = eye
        self.glint = glint
    }

    func ramp(for part: SpritePart) -> ShadeRamp {
        ramps[part.rawValue]
    }
}
