/// What a tileset request asks for besides its terrain, which is the request's `prompt`.
package struct TilesetRequest: Sendable, Hashable, Codable {
    /// The second terrain (corner value 1); nil leaves it transparent, for a terrain drawn over another layer.
    package var edge: String?
    /// Pixels per tile edge, `TilesetSpec.tileSizeRange`.
    package var tileSize: Int
    package var layout: TilesetLayout

    package init(edge: String? = nil, tileSize: Int = TilesetSpec.defaultTileSize, layout: TilesetLayout = .wang16) {
        self.edge = edge
        self.tileSize = tileSize
        self.layout = layout
    }

    enum CodingKeys: String, CodingKey {
        case edge, layout
        case tileSize = "tile_size"
    }

    /// The whole image's size: `columns × tile_size` by `rows × tile_size`.
    package var imageSize: SpriteSize {
        let tiles = layout == .wang16 ? 16 : TileNodes.blobMasks.count + 1
        let rows = (tiles + layout.columns - 1) / layout.columns
        return SpriteSize(width: layout.columns * tileSize, height: rows * tileSize)
    }
}
