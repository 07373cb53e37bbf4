import PixelArt

/// Five shades of one base colour, light to dark, plus an outline: highlights lean warm, shadows lean cool, the way
/// pixel artists hue-shift a ramp. All integer arithmetic, so every platform produces the same bytes.
struct ShadeRamp: Hashable, Sendable {
    /// Index of the unshaded base colour in `shades`.
    static let baseIndex = 2

    /// Light to dark; `shades[baseIndex]` is the base colour.
    private(set) var shades: [RGBA]
    /// A very dark, slightly tinted shade for outlines and seams (never pure black).
    private(set) var outline: RGBA

    init(base: RGBA) {
        let light = RGBA(255, 248, 220)
        let shadow = RGBA(36, 24, 64)
        shades = [
            Self.mix(base, light, weight: 110),
            Self.mix(base, light, weight: 50),
            RGBA(base.r, base.g, base.b),
            Self.mix(base, shadow, weight: 80),
            Self.mix(base, shadow, weight: 150),
        ]
        outline = Self.mix(base, RGBA(20, 14, 30), weight: 215)
    }

    /// The shade at `index`, clamped to the ramp.
    subscript(index: Int) -> RGBA {
        shades[min(max(index, 0), shades.count - 1)]
    }

    /// The ramp with every colour replaced by its nearest palette colour.
    func snapped(to palette: PaletteSnapper) -> ShadeRamp {
        var ramp = self
        ramp.shades = shades.map(palette.nearest)
        ramp.outline = palette.nearest(outline)
        return ramp
    }

    /// `a` moved toward `b` by `weight`/256, opaque.
    static func mix(_ a: RGBA, _ b: RGBA, weight: Int) -> RGBA {
        func channel(_ x: UInt8, _ y: UInt8) -> UInt8 {
            UInt8((Int(x) * (256 - weight) + Int(y) * weight + 128) >> 8)
        }
        return RGBA(channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b))
    }

    /// Perceived brightness, 0…255 (Rec. 601 weights in integers).
    static func luma(_ colour: RGBA) -> Int {
        (Int(colour.r) * 299 + Int(colour.g) * 587 + Int(colour.b) * 114) / 1000
    }
}
