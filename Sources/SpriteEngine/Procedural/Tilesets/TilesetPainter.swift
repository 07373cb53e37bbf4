import PixelArt

/// Paints autotile sets with the procedural engine: two terrains meeting along an organic curve, every tile seamless
/// against every tile that shares its side's corner values.
package struct TilesetPainter: Sendable {
    /// Part of every cache key for tilesets: bump whenever any tileset spec renders differently.
    package static let version = "tileset-1"

    package init() {}

    /// The tileset for `spec`: the same spec gives byte-identical pixels on every machine.
    package func paint(_ spec: TilesetSpec) -> Tileset {
        let art = TerrainArt(spec: spec)
        let entries = Self.entries(for: spec.layout)
        let columns = spec.layout.columns
        let rows = (entries.count + columns - 1) / columns
        let size = art.size
        var image = RGBAImage(width: columns * size, height: rows * size)
        for (index, entry) in entries.enumerated() {
            let tile = art.tile(entry.nodes)
            let originX = index % columns * size
            let originY = index / columns * size
            for y in 0..<size {
                for x in 0..<size { image[originX + x, originY + y] = tile[x, y] }
            }
        }
        let descriptor = TilesetDescriptor(
            layout: spec.layout,
            tileSize: size,
            columns: columns,
            rows: rows,
            tiles: entries.enumerated().map { index, entry in
                TilesetDescriptor.Tile(
                    index: index,
                    corners: entry.nodes.corners,
                    edges: entry.nodes.edges,
                    neighbours: entry.neighbours
                )
            }
        )
        return Tileset(image: image, descriptor: descriptor, colours: art.colours)
    }

    /// The tiles of a layout in order, with their nodes and (blob47) neighbour masks.
    static func entries(for layout: TilesetLayout) -> [(nodes: TileNodes, neighbours: Int?)] {
        switch layout {
        case .wang16:
            (0..<16).map { (TileNodes.wang(index: $0), nil) }
        case .blob47:
            TileNodes.blobMasks.map { (TileNodes.blob(neighbours: $0), $0) } + [(TileNodes.blobFill, nil)]
        }
    }
}
