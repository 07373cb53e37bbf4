extension Manifest {
    /// Where a tileset's descriptors are and how its grid is cut.
    package struct Tileset: Codable, Equatable, Sendable {
        /// Asset path of `<name>.tileset.ron`.
        package var ron: String
        /// Asset path of `<name>.tileset.json`.
        package var json: String
        package var layout: String
        package var tileSize: Int
        package var columns: Int
        package var rows: Int
        package var tiles: Int

        package init(name: String, file: TilesetDescriptorFile) {
            ron = TilesetDescriptorFile.ronPath(name: name)
            json = TilesetDescriptorFile.jsonPath(name: name)
            layout = file.layout
            tileSize = file.tileSize
            columns = file.columns
            rows = file.rows
            tiles = file.tiles.count
        }

        enum CodingKeys: String, CodingKey {
            case ron, json, layout, columns, rows, tiles
            case tileSize = "tile_size"
        }
    }
}
