import MCP
import PixelArt
import SpriteEngine

/// The sprite options `generate_sprite` and each `generate_batch` item share: one schema, one reader.
enum SpriteOptionsSchema {
    static let namePattern = "^[a-z0-9_-]{1,64}$"

    /// Schema properties of the shared options (every one optional except `prompt` where the caller requires it).
    static func properties(for configuration: Configuration) -> [String: Value] {
        let sizes = configuration.generation
        let styles = configuration.styles.keys.sorted()
        return [
            "prompt": JSONSchema.string(
                "What the sprite shows, e.g. 'red knight with a sword'. Colour words are honoured.",
                minLength: 1,
                maxLength: 2000
            ),
            "style": JSONSchema.string(
                "Style preset: palette, default size, outline. Default '\(sizes.defaultStyle)'.",
                choices: styles
            ),
            "size": JSONSchema.anyOf(
                "Target size in pixels: an edge N or 'WxH', each edge \(sizes.minSize)-\(sizes.maxSize). "
                    + "Default: the style's size.",
                [
                    JSONSchema.integer("Square edge.", minimum: sizes.minSize, maximum: sizes.maxSize),
                    JSONSchema.string("'N' or 'WxH', e.g. '32x48'.", pattern: "^[0-9]{1,5}([xX×][0-9]{1,5})?$"),
                ]
            ),
            "seed": JSONSchema.integer(
                "Random seed; the same prompt, seed and options give the same sprite. Default: random (returned).",
                minimum: 0,
                maximum: SpriteDraft.maxSeed
            ),
            "negative_prompt": JSONSchema.string("What to avoid (diffusion engines).", maxLength: 2000),
            "palette": JSONSchema.anyOf(
                "Palette every colour is snapped to: a name (\(Palette.names.joined(separator: ", ")), 'none') "
                    + "or a list of hex colours. Default: the style's.",
                [
                    JSONSchema.string("Palette name.", minLength: 1, maxLength: 64),
                    JSONSchema.array(
                        "Hex colours such as '#1a1c2c'.",
                        items: JSONSchema.string("A hex colour.", maxLength: 9),
                        minItems: 2,
                        maxItems: 256
                    ),
                ]
            ),
            "colors": JSONSchema.integer("Most colours the sprite may use, 2-256.", minimum: 2, maximum: 256),
            "background": JSONSchema.string(
                "'transparent' (default), 'keep', or a hex colour to fill the background with.",
                maxLength: 16
            ),
            "outline": JSONSchema.boolean("Draw a 1 px dark outline. Default: the style's."),
            "name": JSONSchema.string(
                "File name without .png: lowercase a-z, 0-9, '_', '-'. Default: made from the prompt.",
                pattern: namePattern
            ),
            "category": JSONSchema.string(
                "Category (character, creature, item, vehicle, tile, …): picks the shape family and the "
                    + "assets/sprites/<category>/ folder. Default: '\(sizes.defaultCategory)'.",
                pattern: namePattern
            ),
        ]
    }

    /// A draft from arguments that already passed the schema.
    static func draft(from arguments: [String: Value]) -> SpriteDraft {
        var draft = SpriteDraft(prompt: arguments["prompt"]?.stringValue)
        draft.style = arguments["style"]?.stringValue
        switch arguments["size"] {
        case .int(let edge)?: draft.size = .edge(edge)
        case .double(let edge)?: draft.size = .edge(Int(edge))
        case .string(let text)?: draft.size = .text(text)
        default: break
        }
        draft.seed = integer(arguments["seed"])
        draft.negativePrompt = arguments["negative_prompt"]?.stringValue
        switch arguments["palette"] {
        case .string(let name)?: draft.palette = .name(name)
        case .array(let entries)?: draft.palette = .colors(entries.compactMap(\.stringValue))
        default: break
        }
        draft.colors = integer(arguments["colors"])
        draft.background = arguments["background"]?.stringValue
        draft.outline = arguments["outline"]?.boolValue
        draft.name = arguments["name"]?.stringValue
        draft.category = arguments["category"]?.stringValue
        return draft
    }

    /// An integer argument, accepting `3.0` as 3 (the schema already refused fractions).
    static func integer(_ value: Value?) -> Int? {
        switch value {
        case .int(let number)?: number
        case .double(let number)?: Int(exactly: number)
        default: nil
        }
    }
}
