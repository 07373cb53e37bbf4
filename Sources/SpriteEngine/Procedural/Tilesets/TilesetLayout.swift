/// Which tiles a tileset holds.
package enum TilesetLayout: String, CaseIterable, Sendable, Codable {
    /// The 16 corner combinations (Wang corner tiles): tile `nw + 2·ne + 4·se + 8·sw`, 4 columns.
    case wang16
    /// The 47 blob tiles (every 8-neighbour mask whose corners count only beside both their edges), then one plain
    /// `edge` tile for the cells outside the terrain: 48 tiles, 8 columns.
    case blob47

    /// Tiles per row of the tileset image.
    package var columns: Int {
        switch self {
        case .wang16: 4
        case .blob47: 8
        }
    }
}
