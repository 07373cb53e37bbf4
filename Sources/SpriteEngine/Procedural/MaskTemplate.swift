import PixelArt

/// A hand-drawn mask on a coarse grid: which cells are always empty, randomly filled, or always solid.
///
/// Rows are written as text. For mirrored templates each row is the left half; the right half is its reflection.
/// `.` empty · `#` primary · `+` primary or seam · `?` primary or empty · `=` secondary · `-` secondary or seam ·
/// `:` secondary or empty · `*` accent · `~` accent or empty · `s` skin · `e` eye · `o` seam (dark line).
struct MaskTemplate: Sendable {
    /// How the written rows become the full grid.
    enum Symmetry: Sendable {
        /// Rows are the left half, reflected left-to-right.
        case mirrored
        /// Rows are the top-left quadrant, reflected left-to-right and top-to-bottom.
        case mirroredBothWays
    }

    let name: String
    let category: SpriteCategory
    /// Prompt words that select this template over the others of its category.
    let keywords: [String]
    let symmetry: Symmetry
    let rows: [String]
    /// Colours used for parts the prompt does not colour (a sword's blade is steel unless the prompt says otherwise).
    let defaultColours: [SpritePart: RGBA]

    init(
        _ name: String,
        _ category: SpriteCategory,
        keywords: [String],
        symmetry: Symmetry = .mirrored,
        defaults: [SpritePart: RGBA] = [:],
        rows: [String]
    ) {
        self.name = name
        self.category = category
        self.keywords = keywords
        self.symmetry = symmetry
        self.rows = rows
        self.defaultColours = defaults
    }

    /// Fills the template: every random cell is decided once and mirrored, so the sprite stays symmetric.
    func filled(using random: inout SeededRandom) -> SpriteMask {
        let halfWidth = rows.map(\.count).max() ?? 0
        let halfHeight = rows.count
        let width = halfWidth * 2
        let height = symmetry == .mirroredBothWays ? halfHeight * 2 : halfHeight
        var mask = SpriteMask(width: width, height: height, cells: Array(repeating: .empty, count: width * height))
        for (y, row) in rows.enumerated() {
            for (x, symbol) in row.enumerated() {
                let pixel = Self.resolve(symbol, using: &random)
                mask[x, y] = pixel
                mask[width - 1 - x, y] = pixel
                if symmetry == .mirroredBothWays {
                    mask[x, height - 1 - y] = pixel
                    mask[width - 1 - x, height - 1 - y] = pixel
                }
            }
        }
        return mask
    }

    private static func resolve(_ symbol: Character, using random: inout SeededRandom) -> MaskPixel {
        switch symbol {
        case "#": .body(.primary)
        case "+": random.chance(percent: 30) ? .border(.primary) : .body(.primary)
        case "?": random.chance(percent: 55) ? .body(.primary) : .empty
        case "=": .body(.secondary)
        case "-": random.chance(percent: 30) ? .border(.secondary) : .body(.secondary)
        case ":": random.chance(percent: 55) ? .body(.secondary) : .empty
        case "*": .body(.accent)
        case "~": random.chance(percent: 55) ? .body(.accent) : .empty
        case "s": .body(.skin)
        case "e": .body(.eye)
        case "o": .border(.primary)
        default: .empty
        }
    }
}
