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
            "force": JSONSchema.boolean(
                "Make it again even if the same request and seed were made before (else a cache hit, cached: true)."
            ),
            "dither": JSONSchema.string(
                "Dithering when painted output is snapped to the palette. Default: the style's (none).",
                choices: ["none", "ordered", "floyd-steinberg"]
            ),
            "workflow": JSONSchema.string(
                "ComfyUI workflow template (see the dgx-pixels://workflows resource). Default: the style's, "
                    + "else '\(configuration.comfyUI.workflow)'.",
                pattern: namePattern
            ),
            "steps": JSONSchema.integer("Sampler steps (ComfyUI). Default: the workflow's.", minimum: 1, maximum: 150),
            "cfg": JSONSchema.number(
                "Classifier-free guidance scale (ComfyUI). Default: the workflow's.",
                minimum: 0,
                maximum: 30
            ),
            "sampler": JSONSchema.string(
                "Sampler name, e.g. 'euler' (ComfyUI). Default: the workflow's.",
                maxLength: 200
            ),
            "scheduler": JSONSchema.string(
                "Scheduler name, e.g. 'karras' (ComfyUI). Default: the workflow's.",
                maxLength: 200
            ),
            "checkpoint": JSONSchema.string(
                "Checkpoint file installed on the ComfyUI server. Default: the workflow's.",
                maxLength: 200
            ),
            "lora": JSONSchema.string(
                "LoRA file installed on the ComfyUI server. Default: the workflow's.",
                maxLength: 200
            ),
            "lora_strength": JSONSchema.number(
                "LoRA strength, -4 to 4. Default: the workflow's.",
                minimum: -4,
                maximum: 4
            ),
            "generation_size": JSONSchema.anyOf(
                "Resolution diffusion paints at (not the sprite's size): N or 'WxH', multiples of 8, 64-2048. "
                    + "Default: the workflow's.",
                [
                    JSONSchema.integer("Square edge.", minimum: 64, maximum: 2048),
                    JSONSchema.string("'N' or 'WxH', e.g. '1024x768'.", pattern: "^[0-9]{1,5}([xX×][0-9]{1,5})?$"),
                ]
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
        draft.dither = arguments["dither"]?.stringValue
        draft.force = arguments["force"]?.boolValue
        draft.workflow = arguments["workflow"]?.stringValue
        draft.steps = integer(arguments["steps"])
        draft.cfg = number(arguments["cfg"])
        draft.sampler = arguments["sampler"]?.stringValue
        draft.scheduler = arguments["scheduler"]?.stringValue
        draft.checkpoint = arguments["checkpoint"]?.stringValue
        draft.lora = arguments["lora"]?.stringValue
        draft.loraStrength = number(arguments["lora_strength"])
        switch arguments["generation_size"] {
        case .int(let edge)?: draft.generationSize = .edge(edge)
        case .double(let edge)?: draft.generationSize = .edge(Int(edge))
        case .string(let text)?: draft.generationSize = .text(text)
        default: break
        }
        return draft
    }

    /// A number argument, integer or not.
    static func number(_ value: Value?) -> Double? {
        switch value {
        case .int(let number)?: Double(number)
        case .double(let number)?: number
        default: nil
        }
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
