import MCP
import SpriteEngine

/// The `sheet` argument of `deploy_to_bevy`: its schema, its layout in results, and its parsing.
enum SheetSchema {
    /// The input schema of `sheet`.
    static let input: Value = JSONSchema.object(
        """
        Pack the sprites, in order, into one grid PNG <name>.png (name is required) with <name>.sheet.ron and \
        <name>.sheet.json describing the TextureAtlasLayout::from_grid numbers and animation clips. Frames must \
        share one size.
        """,
        properties: [
            "columns": JSONSchema.integer("Frames per row.", minimum: 1, maximum: 256),
            "rows": JSONSchema.integer("Rows of the grid. Default: enough for every frame.", minimum: 1, maximum: 256),
            "padding": JSONSchema.integer(
                "Transparent pixels between cells (padding_x and padding_y).",
                minimum: 0,
                maximum: 64,
                defaultValue: 0
            ),
            "fps": JSONSchema.number("Playback rate of clips that give none. Default 8.", minimum: 0.1, maximum: 240),
            "clips": JSONSchema.array(
                "Named animations over frame indices (left to right, then top to bottom).",
                items: JSONSchema.object(
                    properties: [
                        "name": JSONSchema.string("Clip name, e.g. 'idle'.", pattern: SpriteOptionsSchema.namePattern),
                        "first": JSONSchema.integer("First frame index.", minimum: 0),
                        "last": JSONSchema.integer("Last frame index (inclusive).", minimum: 0),
                        "fps": JSONSchema.number(
                            "Rate of this clip. Default: the sheet's fps.",
                            minimum: 0.1,
                            maximum: 240
                        ),
                    ],
                    required: ["name", "first", "last"]
                ),
                maxItems: 64
            ),
            "asset_collection": JSONSchema.boolean(
                "Also keep assets/sprites/sprites.assets.ron (bevy_asset_loader dynamic collection) up to date.",
                defaultValue: false
            ),
        ],
        required: ["columns"]
    )

    /// The layout in the deploy report.
    static let output: Value = JSONSchema.typed(
        "object",
        "null",
        description:
            "The packed sheet: image, tile_size_x/y, columns, rows, padding_x/y, offset_x/y, frames, fps, clips."
    )

    /// The draft for a `sheet` argument the schema validator already accepted.
    static func draft(from value: Value?) -> SheetDraft? {
        guard let object = value?.objectValue, let columns = object["columns"]?.intValue else { return nil }
        var draft = SheetDraft(
            columns: columns,
            rows: object["rows"]?.intValue,
            padding: object["padding"]?.intValue,
            fps: SpriteOptionsSchema.number(object["fps"])
        )
        draft.clips = (object["clips"]?.arrayValue ?? []).compactMap { clip in
            guard let fields = clip.objectValue, let name = fields["name"]?.stringValue,
                let first = fields["first"]?.intValue, let last = fields["last"]?.intValue
            else { return nil }
            return .init(name: name, first: first, last: last, fps: SpriteOptionsSchema.number(fields["fps"]))
        }
        draft.assetCollection = object["asset_collection"]?.boolValue ?? false
        return draft
    }
}
