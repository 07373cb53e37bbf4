import PixelArt

/// A small map built from a tileset: which tile sits in each cell, the terrain grid it was chosen from, and the
/// picture the tiles make together.
package struct TileMap: Sendable, Equatable {
    /// The terrain the map was laid out from: 0 `terrain`, 1 `edge`, row-major.
    package enum Terrain: Sendable, Equatable {
        /// wang16: the value at every tile corner, `(columns + 1) × (rows + 1)`.
        case corners([Int])
        /// blob47: the value of every cell, `columns × rows`; cells beyond the map count as terrain.
        case cells([Int])
    }

    package let columns: Int
    package let rows: Int
    /// Row-major tile indices into the tileset.
    package let tiles: [Int]
    package let terrain: Terrain
    /// `columns × tile_size` by `rows × tile_size` pixels.
    package let image: RGBAImage
}
