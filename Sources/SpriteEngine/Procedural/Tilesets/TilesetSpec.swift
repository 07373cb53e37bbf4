import PixelArt

/// Everything that decides a tileset's pixels; equal specs give byte-identical tilesets.
package struct TilesetSpec: Sendable, Hashable {
    /// The main terrain ("grass"): corner value 0.
    ///
    /// Its pattern and colours come from the prompt's words, as a tile sprite's do.
    package var terrain: String
    /// The second terrain ("water"): corner value 1.
    ///
    /// Nil leaves it transparent, for a terrain drawn over another layer.
    package var edge: String?
    /// 8…64 pixels; values outside are clamped.
    package var tileSize: Int
    package var layout: TilesetLayout
    /// A style's palette; when given, every output colour is one of its colours.
    package var palette: [RGBA]?
    package var seed: UInt64

    /// The tile size when a request gives none.
    package static let defaultTileSize = 16
    /// The tile sizes allowed.
    package static let tileSizeRange = 8...64

    package init(
        terrain: String,
        edge: String? = nil,
        tileSize: Int = TilesetSpec.defaultTileSize,
        layout: TilesetLayout = .wang16,
        palette: [RGBA]? = nil,
        seed: UInt64
    ) {
        self.terrain = terrain
        self.edge = edge
        self.tileSize = tileSize
        self.layout = layout
        self.palette = palette
        self.seed = seed
    }

    /// The tile size actually drawn.
    package var resolvedTileSize: Int {
        min(max(tileSize, Self.tileSizeRange.lowerBound), Self.tileSizeRange.upperBound)
    }

    /// FNV-1a 64 of every field in a fixed byte layout (prompts normalised), the same on every machine.
    package var stableHash: UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func feed(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        func feed(_ value: UInt64) {
            feed((0..<8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) })
        }
        feed(Array(TilesetPainter.version.utf8) + [0])
        feed(Array(PromptWords.normalised(terrain).utf8) + [0])
        if let edge {
            feed([1] + Array(PromptWords.normalised(edge).utf8) + [0])
        } else {
            feed([0])
        }
        feed(UInt64(clamping: resolvedTileSize))
        feed(Array(layout.rawValue.utf8) + [0])
        if let palette {
            feed(UInt64(palette.count))
            for colour in palette { feed([colour.r, colour.g, colour.b, colour.a]) }
        } else {
            feed([0xFF])
        }
        feed(seed)
        return hash
    }
}
