import Foundation

/// The `<name>.tileset.ron` / `<name>.tileset.json` descriptor deployed beside a tileset's PNG in
/// `assets/tilesets/`: the grid (`TextureAtlasLayout::from_grid` with square tiles, no padding) and what each tile
/// joins up with.
///
/// Corner and edge values: 0 is the terrain, 1 the edge terrain (transparent when the set has none).
package struct TilesetDescriptorFile: Codable, Sendable, Equatable {
    /// One tile, row-major in the image.
    package struct Tile: Codable, Sendable, Equatable {
        package var index: Int
        /// `[nw, ne, se, sw]`.
        package var corners: [Int]
        /// blob47: `[n, e, s, w]`, the terrain at the middle of each side.
        package var edges: [Int]?
        /// blob47: which of the 8 neighbours are terrain (N 1, NE 2, E 4, SE 8, S 16, SW 32, W 64, NW 128).
        package var neighbours: Int?

        package init(index: Int, corners: [Int], edges: [Int]? = nil, neighbours: Int? = nil) {
            self.index = index
            self.corners = corners
            self.edges = edges
            self.neighbours = neighbours
        }
    }

    /// The asset path of the tileset's PNG.
    package var image: String
    /// `wang16` or `blob47`.
    package var layout: String
    package var tileSize: Int
    package var columns: Int
    package var rows: Int
    package var tiles: [Tile]

    package init(image: String = "", layout: String, tileSize: Int, columns: Int, rows: Int, tiles: [Tile]) {
        self.image = image
        self.layout = layout
        self.tileSize = tileSize
        self.columns = columns
        self.rows = rows
        self.tiles = tiles
    }

    enum CodingKeys: String, CodingKey {
        case image, layout, columns, rows, tiles
        case tileSize = "tile_size"
    }

    /// The asset path of a tileset's PNG.
    package static func pngPath(name: String) -> String { "tilesets/\(name).png" }

    /// The asset path of a tileset's RON descriptor, beside its PNG.
    package static func ronPath(name: String) -> String { "tilesets/\(name).tileset.ron" }

    /// The asset path of a tileset's JSON descriptor, beside its PNG.
    package static func jsonPath(name: String) -> String { "tilesets/\(name).tileset.json" }

    /// The descriptor as RON, loadable with bevy_common_assets' `RonAssetPlugin`; a tile's optional fields appear
    /// only when it has them (blob47).
    package func ron() -> String {
        var text = """
            // Written by dgx-pixels. TextureAtlasLayout::from_grid(UVec2::splat(tile_size), columns, rows, None, None);
            // corners are [nw, ne, se, sw], 0 = terrain, 1 = edge.
            (
                image: \(RONValue.string(image).rendered),
                layout: \(RONValue.string(layout).rendered),
                tile_size: \(tileSize),
                columns: \(columns),
                rows: \(rows),
                tiles: [

            """
        for tile in tiles {
            text += "        (index: \(tile.index), corners: \(Self.list(tile.corners))"
            if let edges = tile.edges { text += ", edges: Some(\(Self.list(edges)))" }
            if let neighbours = tile.neighbours { text += ", neighbours: Some(\(neighbours))" }
            text += "),\n"
        }
        text += "    ],\n)\n"
        return text
    }

    /// The descriptor as stable JSON (sorted keys, trailing newline), for bevy_common_assets' `JsonAssetPlugin`.
    package func json() -> Data {
        DescriptorJSON.encode(self)
    }

    private static func list(_ values: [Int]) -> String {
        "[" + values.map(String.init).joined(separator: ", ") + "]"
    }
}
