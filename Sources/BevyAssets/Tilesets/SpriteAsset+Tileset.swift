extension SpriteAsset {
    /// Where this asset goes under `name`: `tilesets/<name>.png` for a tileset, else `sprites/<category>/<name>.png`.
    func assetPath(named name: String) -> String {
        tileset == nil ? Self.assetPath(category: category, name: name) : TilesetDescriptorFile.pngPath(name: name)
    }
}
