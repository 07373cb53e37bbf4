/// Describes a tileset image: the grid it is cut into and what each tile joins up with.
///
/// Corner and edge values: 0 is `terrain`, 1 is `edge`. Two tiles may sit side by side when the values along their
/// shared side agree (for wang16 the two corners; for blob47 the two corners and the edge between them); every such
/// arrangement is seamless.
package struct TilesetDescriptor: Codable, Sendable, Equatable {
    /// One tile of the set.
    package struct Tile: Codable, Sendable, Equatable {
        /// Row-major position in the image (`index % columns`, `index / columns`).
        package var index: Int
        /// `[nw, ne, se, sw]`: the terrain at each corner.
        package var corners: [Int]
        /// blob47 only: `[n, e, s, w]`, the terrain at the middle of each side (0 when that neighbour is terrain).
        package var edges: [Int]?
        /// blob47 only, nil for the plain `edge` tile: which of the 8 neighbours are terrain, one bit each, clockwise
        /// from north: N 1, NE 2, E 4, SE 8, S 16, SW 32, W 64, NW 128.
        ///
        /// A corner bit is set only when both neighbouring side bits are, which leaves the 47 masks.
        package var neighbours: Int?
    }

    package var layout: TilesetLayout
    package var tileSize: Int
    package var columns: Int
    package var rows: Int
    package var tiles: [Tile]

    enum CodingKeys: String, CodingKey {
        case layout, columns, rows, tiles
        case tileSize = "tile_size"
    }
}
