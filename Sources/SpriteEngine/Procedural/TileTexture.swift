import PixelArt

/// Opaque, wrap-around textures for terrain tiles: grass, brick, stone, water and plain ground.
struct TileTexture: Sendable {
    /// The kinds of texture, chosen from prompt words.
    enum Pattern: CaseIterable, Sendable {
        case grass, brick, stone, water, ground

        var defaultColour: RGBA {
            switch self {
            case .grass: RGBA(0x4B, 0xA0, 0x3C)
            case .brick: RGBA(0xA5, 0x4B, 0x37)
            case .stone: RGBA(0x8C, 0x8C, 0x96)
            case .water: RGBA(0x32, 0x6E, 0xC8)
            case .ground: RGBA(0x8C, 0x64, 0x3C)
            }
        }

        /// The mortar or grout colour between bricks and stones.
        var jointColour: RGBA {
            self == .brick ? RGBA(0xB4, 0xAA, 0x96) : RGBA(0x5A, 0x55, 0x5F)
        }

        static func named(in prompt: String) -> Pattern? {
            for word in PromptWords.words(in: prompt) {
                if let pattern = keywords[word] ?? keywords[PromptWords.singular(word)] { return pattern }
            }
            return nil
        }

        private static let keywords: [String: Pattern] = {
            let families: [(Pattern, [String])] = [
                (.grass, ["grass", "grassy", "moss", "lawn", "meadow", "field", "leaves", "bush", "jungle"]),
                (.brick, ["brick", "wall", "masonry", "castle"]),
                (.stone, ["stone", "cobble", "cobblestone", "rock", "floor", "pavement", "path", "road", "tile"]),
                (.water, ["water", "ocean", "sea", "lake", "river", "pond", "lava", "magma", "swamp", "wave"]),
                (.ground, ["dirt", "sand", "ground", "mud", "soil", "snow", "desert", "gravel", "earth"]),
            ]
            var table: [String: Pattern] = [:]
            for (pattern, words) in families {
                for word in words where table[word] == nil { table[word] = pattern }
            }
            return table
        }()
    }

    let pattern: Pattern
    /// The surface ramp and the joint ramp (mortar, grout).
    let surface: ShadeRamp
    let joint: ShadeRamp

    /// The pattern the prompt names (else one picked by the seed), coloured by the prompt's first colour word.
    init(prompt: String, palette: PaletteSnapper?, using random: inout SeededRandom) {
        let seedPattern = random.pick(Pattern.allCases) ?? .grass
        pattern = Pattern.named(in: prompt) ?? seedPattern
        let hues = ColorWords.hues(in: prompt)
        var surface = ShadeRamp(base: hues.first ?? pattern.defaultColour)
        var joint = ShadeRamp(base: hues.dropFirst().first ?? pattern.jointColour)
        if let palette {
            surface = surface.snapped(to: palette)
            joint = joint.snapped(to: palette)
        }
        self.surface = surface
        self.joint = joint
    }

    /// Fills the whole canvas: the texture is drawn at about 32 pixels across and scaled by a whole factor.
    func render(width: Int, height: Int, using random: inout SeededRandom) -> RGBAImage {
        let (shades, scale) = shadeGrid(width: width, height: height, using: &random)
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width { image[x, y] = colour(of: shades[x / scale, y / scale]) }
        }
        return image
    }

    /// The texture before colouring, at native size, and the whole factor it is scaled by to fill the canvas.
    func shadeGrid(width: Int, height: Int, using random: inout SeededRandom) -> (grid: ShadeGrid, scale: Int) {
        let scale = max(1, min(width, height) / 32)
        let nativeWidth = (width + scale - 1) / scale
        let nativeHeight = (height + scale - 1) / scale
        var shades = ShadeGrid(width: nativeWidth, height: nativeHeight)
        switch pattern {
        case .grass: drawGrass(into: &shades, using: &random)
        case .brick: drawBrick(into: &shades, using: &random)
        case .stone: drawStone(into: &shades, using: &random)
        case .water: drawWater(into: &shades, using: &random)
        case .ground: drawGround(into: &shades, using: &random)
        }
        return (shades, scale)
    }

    /// The colour of one texture pixel with its level moved by `delta` (positive darker) within its ramp; the
    /// outline level (5) stays the outline.
    func colour(of shade: ShadeGrid.Shade, moved delta: Int = 0) -> RGBA {
        let ramp = shade.isJoint ? joint : surface
        return shade.level > 4 ? ramp.outline : ramp[min(max(shade.level + delta, 0), 4)]
    }

    /// Every colour the texture can use: both ramps and their outlines.
    var allColours: [RGBA] {
        var colours: [RGBA] = []
        for ramp in [surface, joint] {
            for colour in (0..<5).map({ ramp[$0] }) + [ramp.outline] where !colours.contains(colour) {
                colours.append(colour)
            }
        }
        return colours
    }
}

/// A texture before colouring: each pixel's ramp (surface or joint) and shade level (0 light … 4 dark, 5 outline).
struct ShadeGrid: Sendable {
    /// One pixel's shade.
    struct Shade: Hashable, Sendable {
        var level: Int
        var isJoint: Bool
    }

    let width: Int
    let height: Int
    private var shades: [Shade]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        shades = Array(repeating: Shade(level: ShadeRamp.baseIndex, isJoint: false), count: width * height)
    }

    /// Coordinates wrap around, so patterns drawn across an edge continue on the other side (seamless tiling).
    subscript(x: Int, y: Int) -> Shade {
        get { shades[Self.wrap(y, height) * width + Self.wrap(x, width)] }
        set { shades[Self.wrap(y, height) * width + Self.wrap(x, width)] = newValue }
    }

    /// Moves a surface pixel's level by `delta`, clamped to the ramp.
    mutating func shift(x: Int, y: Int, by delta: Int) {
        self[x, y].level = min(max(self[x, y].level + delta, 0), 4)
    }

    private static func wrap(_ value: Int, _ size: Int) -> Int {
        ((value % size) + size) % size
    }
}
