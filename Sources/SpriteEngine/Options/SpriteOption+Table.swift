/// The one table of sprite options. Add a row here and every surface has the option: the MCP schema and reader,
/// the batch YAML, the CLI flag, batch inheritance and the checks. A `.workflow` row is bound into ComfyUI
/// templates by name; a `.knob` row is read where it acts with `request.knob(_:)`.
extension SpriteOption {
    package static let prompt = SpriteOption(
        "prompt",
        .text(maxLength: 2000),
        "What the sprite shows, e.g. 'red knight with a sword'. Colour words are honoured.",
        scope: .item
    )
    package static let name = SpriteOption(
        "name",
        .name,
        "File name without .png: lowercase a-z, 0-9, '_', '-'.",
        default: "made from the prompt",
        scope: .item
    )
    package static let style = SpriteOption(
        "style",
        .style,
        "Style preset: palette, default size, outline.",
        setting: .defaultStyle
    )
    package static let size = SpriteOption(
        "size",
        .size(.sprite),
        "Target size in pixels: an edge N or 'WxH'.",
        default: "the style's"
    )
    package static let seed = SpriteOption(
        "seed",
        .integer(0...SpriteDraft.maxSeed),
        "Random seed; the same prompt, seed and options give the same sprite.",
        default: "random, returned"
    )
    package static let negativePrompt = SpriteOption(
        "negative_prompt",
        .text(maxLength: 2000),
        "What to avoid (diffusion engines).",
        default: "the style's"
    )
    package static let palette = SpriteOption(
        "palette",
        .palette,
        "Palette every colour is snapped to: a name, 'none', or a list of hex colours.",
        default: "the style's"
    )
    package static let colors = SpriteOption(
        "colors",
        .integer(2...256),
        "Most colours the sprite may use.",
        default: "the style's, within the palette"
    )
    package static let background = SpriteOption(
        "background",
        .background,
        "'transparent', 'keep', or a hex colour to fill the background with.",
        default: "the style's (transparent)"
    )
    package static let outline = SpriteOption(
        "outline",
        .flag,
        "Draw a 1 px outline in the palette's darkest colour.",
        default: "the style's"
    )
    package static let category = SpriteOption(
        "category",
        .name,
        "Category (character, creature, item, vehicle, tile, …): picks the shape family and the "
            + "assets/sprites/<category>/ folder.",
        setting: .defaultCategory
    )
    package static let dither = SpriteOption(
        "dither",
        .choice(["none", "ordered", "floyd-steinberg"]),
        "Dithering when painted output is snapped to the palette.",
        default: "the style's (none)"
    )
    package static let force = SpriteOption(
        "force",
        .flag,
        "Make it again even if the same request and seed were made before (else a cache hit).",
        default: "false"
    )
    package static let workflow = SpriteOption(
        "workflow",
        .name,
        "ComfyUI workflow template (see `dgx-pixels workflows list`).",
        default: "the style's, else",
        setting: .workflow
    )
    package static let steps = SpriteOption(
        "steps",
        .integer(1...150),
        "Sampler steps (ComfyUI).",
        default: "the workflow's",
        target: .workflow(["steps"])
    )
    package static let cfg = SpriteOption(
        "cfg",
        .number(0...30),
        "Classifier-free guidance scale (ComfyUI).",
        default: "the workflow's",
        target: .workflow(["cfg"])
    )
    package static let sampler = SpriteOption(
        "sampler",
        .modelName,
        "Sampler name, e.g. 'euler' (ComfyUI).",
        default: "the workflow's",
        target: .workflow(["sampler"])
    )
    package static let scheduler = SpriteOption(
        "scheduler",
        .modelName,
        "Scheduler name, e.g. 'karras' (ComfyUI).",
        default: "the workflow's",
        target: .workflow(["scheduler"])
    )
    package static let checkpoint = SpriteOption(
        "checkpoint",
        .modelName,
        "Checkpoint file installed on the ComfyUI server.",
        default: "the workflow's",
        target: .workflow(["checkpoint"])
    )
    package static let lora = SpriteOption(
        "lora",
        .modelName,
        "LoRA file installed on the ComfyUI server.",
        default: "the workflow's",
        target: .workflow(["lora"])
    )
    package static let loraStrength = SpriteOption(
        "lora_strength",
        .number(-4...4),
        "LoRA strength for the model and CLIP (ComfyUI).",
        default: "the workflow's",
        target: .workflow(["lora_strength"])
    )
    package static let generationSize = SpriteOption(
        "generation_size",
        .size(.diffusion),
        "Resolution diffusion paints at (not the sprite's size): N or 'WxH', multiples of 8.",
        default: "the workflow's",
        target: .workflow(["width", "height"])
    )

    package static let animation = SpriteOption(
        "animation",
        .choice(SpriteAnimation.allCases.map(\.rawValue)),
        "Make an animation sheet instead of a still: `frames` columns, one row per direction, clips named "
            + "<animation>_<direction> (e.g. walk_left).",
        default: "a still sprite",
        target: .knob
    )
    package static let frames = SpriteOption(
        "frames",
        .integer(SpriteAnimation.frameRange),
        "Frames per clip (with animation).",
        default: "the animation's: idle 4, walk 8, run 8, attack 6, hurt 4, death 8",
        target: .knob
    )
    package static let directions = SpriteOption(
        "directions",
        .integerChoice(SheetDirections.allCases.map(\.rawValue)),
        "Rows of an animation sheet: 1 (down), 4 (down, left, right, up) or 8 (then down_left, down_right, "
            + "up_left, up_right). right is left mirrored.",
        default: "1",
        target: .knob
    )
    package static let fps = SpriteOption(
        "fps",
        .number(1...60),
        "Playback rate written into the sheet's clips (with animation).",
        default: "the animation's",
        target: .knob
    )
    package static let denoise = SpriteOption(
        "denoise",
        .number(0.05...1),
        "How far each animation frame after the first may move from it (ComfyUI img2img; lower keeps it closer).",
        default: "the img2img template's (0.55)",
        target: .knob
    )

    /// Every option, in the order help and docs list them.
    package static let all: [SpriteOption] = [
        prompt, name, style, size, seed, negativePrompt, palette, colors, background, outline, category, dither, force,
        animation, frames, directions, fps,
        workflow, steps, cfg, sampler, scheduler, checkpoint, lora, loraStrength, generationSize, denoise,
    ]
}
