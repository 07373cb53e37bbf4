import MCP

/// The `tileset` descriptor in results (`TilesetDescriptor`), key for key.
enum TilesetSchema {
    static let output: Value = JSONSchema.object(
        "How the PNG is cut into tiles (row-major) and what each tile joins up with; 0 is terrain, 1 is edge.",
        properties: [
            "layout": JSONSchema.string("The tile set.", choices: ["wang16", "blob47"]),
            "tile_size": JSONSchema.typed("integer", description: "Pixels per tile edge."),
            "columns": JSONSchema.typed("integer"),
            "rows": JSONSchema.typed("integer"),
            "tiles": JSONSchema.array(
                "Every tile; tile i is at column i % columns, row i / columns.",
                items: JSONSchema.object(
                    properties: [
                        "index": JSONSchema.typed("integer"),
                        "corners": JSONSchema.array(
                            "[nw, ne, se, sw]: the terrain at each corner (0 terrain, 1 edge).",
                            items: JSONSchema.typed("integer"),
                            minItems: 4,
                            maxItems: 4
                        ),
                        "edges": JSONSchema.array(
                            "blob47: [n, e, s, w], the terrain at the middle of each side.",
                            items: JSONSchema.typed("integer"),
                            minItems: 4,
                            maxItems: 4
                        ),
                        "neighbours": JSONSchema.typed(
                            "integer",
                            description: "blob47 terrain tiles: which of the 8 neighbours are terrain, N 1, NE 2, "
                                + "E 4, SE 8, S 16, SW 32, W 64, NW 128 (a corner only with both its sides)."
                        ),
                    ],
                    required: ["index", "corners"]
                )
            ),
        ],
        required: ["layout", "tile_size", "columns", "rows", "tiles"]
    )
}
