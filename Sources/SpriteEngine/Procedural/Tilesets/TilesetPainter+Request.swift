extension TilesetPainter {
    /// The tileset a request asks for, as a generated image with its descriptor; nil when it is not a tileset.
    ///
    /// Every engine calls this (ComfyUI too), so a tileset always reports the `procedural` engine.
    package func generate(_ request: SpriteRequest, seed: UInt64) -> GeneratedImage? {
        guard let tileset = request.tileset else { return nil }
        let painted = paint(
            TilesetSpec(
                terrain: request.prompt,
                edge: tileset.edge,
                tileSize: tileset.tileSize,
                layout: tileset.layout,
                palette: request.palette?.colors,
                seed: seed
            )
        )
        return GeneratedImage(image: painted.image, engine: "procedural", tileset: painted.descriptor)
    }
}
