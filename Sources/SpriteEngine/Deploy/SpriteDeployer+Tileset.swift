import BevyAssets

extension SpriteDeployer {
    /// Marks the assets whose job made a tileset, so they deploy to `tilesets/<name>.png` with their descriptors.
    ///
    /// A tileset cannot be packed into a sprite sheet: its grid is already its layout.
    func withTilesets(
        _ assets: [SpriteAsset],
        from sources: [SpriteSource],
        packing: Bool
    ) throws(SpriteEngineError) -> [SpriteAsset] {
        var marked = assets
        for (index, source) in sources.enumerated() {
            guard let descriptor = source.sprite?.tileset else { continue }
            if packing {
                throw .invalidArgument(
                    field: "sheet",
                    message: "'\(source.name)' is a tileset; deploy it without 'sheet' (it goes to assets/tilesets/)"
                )
            }
            marked[index].tileset = TilesetDescriptorFile(descriptor)
            // Its path is tilesets/<name>.png whatever category the call gave, and so is its manifest key.
            marked[index].category = TilesetDraft.category
        }
        return marked
    }
}

extension TilesetDescriptorFile {
    /// The deployed descriptor of a painted tileset (its `image` is set when the deploy plans the PNG's path).
    init(_ descriptor: TilesetDescriptor) {
        self.init(
            layout: descriptor.layout.rawValue,
            tileSize: descriptor.tileSize,
            columns: descriptor.columns,
            rows: descriptor.rows,
            tiles: descriptor.tiles.map {
                Tile(index: $0.index, corners: $0.corners, edges: $0.edges, neighbours: $0.neighbours)
            }
        )
    }
}
