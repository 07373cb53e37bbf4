import PixelArt

/// Five shades of one base colour, light to dark, plus an outline.
///
/// Highlights lean warm and shadows lean cool, the way pixel artists hue-shift a ramp. All integer arithmetic, so
/// every platform produces the same bytes.
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

    /// The ramp with its lightest and darkest shades folded into their neighbours: three colours, for the smaller
    /// parts of a sprite, which keeps the whole sprite within 16 colours.
    func narrowed() -> ShadeRamp {
        var ramp = self
        ramp.shades = [shades[1], shades[1], shades[2], shades[3], shades[3]]
        return ramp
    }

    /// The base colour moved by up to ±`amount` per channel, so each seed gets its own tint of a named colour.
    static func jitter(_ colour: RGBA, by amount: Int, using random: inout SeededRandom) -> RGBA {
        func channel(_ value: UInt8) -> UInt8 {
            UInt8(min(max(Int(value) + random.next(below: 2 * amount + 1) - amount, 0), 255))
        }
        return RGBA(channel(colour.r), channel(colour.g), channel(colour.b))
    }

    /// The shade at `index`, clamped to the ramp.
    subscript(index: Int) -> RGBA {
        shades[min(max(index, 0), shades.count - 1)]
    }

    /// The ramp redrawn in palette colours: the base snaps to its nearest colour of the same family (same dominant
    /// channel, or greys for a grey), lighter and darker shades to the
    /// nearest lighter or darker colour of that family, so a green ramp does not pick up greys and stays ordered light
    /// to dark.
    func snapped(to palette: PaletteSnapper) -> ShadeRamp {
        let ideal = shades[Self.baseIndex]
        let base = palette.nearest(ideal, where: { Self.sameFamily($0, ideal) }) ?? palette.nearest(ideal)
        let baseLuma = Self.luma(base)
        func snap(_ colour: RGBA, lighter: Bool) -> RGBA {
            let direction: (RGBA) -> Bool = { lighter ? Self.luma($0) >= baseLuma : Self.luma($0) <= baseLuma }
            return palette.nearest(colour, where: { direction($0) && Self.sameFamily($0, base) })
                ?? palette.nearest(colour, where: direction) ?? base
        }
        var ramp = self
        ramp.shades = shades.indices.map { index in
            index == Self.baseIndex ? base : snap(shades[index], lighter: index < Self.baseIndex)
        }
        let darkest = Self.luma(ramp.shades[shades.count - 1])
        ramp.outline = palette.nearest(outline, where: { Self.luma($0) < darkest }) ?? palette.nearest(outline)
        return ramp
    }

    /// Whether two colours share a dominant channel (both chromatic) or are both near-grey.
    private static func sameFamily(_ a: RGBA, _ b: RGBA) -> Bool {
        func chroma(_ c: RGBA) -> Int { Int(max(c.r, c.g, c.b)) - Int(min(c.r, c.g, c.b)) }
        func dominant(_ c: RGBA) -> Int { c.r >= c.g && c.r >= c.b ? 0 : c.g >= c.b ? 1 : 2 }
        let aIsGrey = chroma(a) < 40
        let bIsGrey = chroma(b) < 40
        return aIsGrey == bIsGrey && (aIsGrey || dominant(a) == dominant(b))
    }

    /// `a` moved toward `b` by `weight`/256, opaque.
    static func mix(_ a: RGBA, _ b: RGBA, weight: Int) -> RGBA {
        func channel(_ x: UInt8, _ y: UInt8) -> UInt8 {
            UInt8((Int(x) * (256 - weight) + Int(y) * weight + 128) >> 8)
        }
        return RGBA(channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b))
    }

    /// Perceived brightness, 0…255, with the ITU-R BT.601 weights in integers.
    static func luma(_ colour: RGBA) -> Int {
        (Int(colour.r) * 299 + Int(colour.g) * 587 + Int(colour.b) * 114) / 1000
    }
}
