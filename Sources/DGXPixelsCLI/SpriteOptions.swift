import ArgumentParser
import SpriteEngine

/// The sprite options `generate` and `batch` share; they map 1:1 onto the MCP arguments.
struct SpriteOptions: ParsableArguments {
    @Option(help: "Style preset (see config/dgx-pixels.yaml).") var style: String?
    @Option(help: "Target size: N or WxH.") var size: String?
    @Option(help: "Random seed (default: random, printed).") var seed: Int?
    @Option(help: "Palette name, or comma-separated hex colours.") var palette: String?
    @Option(help: "Most colours the sprite may use.") var colors: Int?
    @Option(help: "transparent, keep, or a hex colour.") var background: String?
    @Option(help: "Draw a 1 px outline: true or false.") var outline: Bool?
    @Option(help: "Category: character, creature, item, vehicle, tile, …") var category: String?
    @Option(name: .customLong("deploy-to"), help: "Bevy project to deploy into once made.") var deployTo: String?
    @Option(help: "Dithering of painted output: none, ordered, floyd-steinberg.") var dither: String?
    @Flag(help: "Make it again even if the cache holds the same request and seed.") var force = false
    @Option(help: "ComfyUI workflow template (see `dgx-pixels workflows list`).") var workflow: String?
    @Option(help: "Sampler steps (ComfyUI).") var steps: Int?
    @Option(help: "Guidance scale (ComfyUI).") var cfg: Double?
    @Option(help: "Sampler name, e.g. euler (ComfyUI).") var sampler: String?
    @Option(help: "Scheduler name, e.g. karras (ComfyUI).") var scheduler: String?
    @Option(help: "Checkpoint file on the ComfyUI server.") var checkpoint: String?
    @Option(help: "LoRA file on the ComfyUI server.") var lora: String?
    @Option(name: .customLong("lora-strength"), help: "LoRA strength, -4 to 4.") var loraStrength: Double?
    @Option(name: .customLong("generation-size"), help: "Diffusion resolution: N or WxH (ComfyUI).")
    var generationSize: String?

    /// The draft for `prompt`, with the same validation the MCP tools apply.
    func draft(prompt: String, name: String? = nil) -> SpriteDraft {
        var draft = SpriteDraft(prompt: prompt)
        draft.style = style
        draft.size = size.map { .text($0) }
        draft.seed = seed
        draft.palette = palette.map { text in
            text.contains(",") || text.hasPrefix("#")
                ? .colors(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                : .name(text)
        }
        draft.colors = colors
        draft.background = background
        draft.outline = outline
        draft.category = category
        draft.name = name
        draft.dither = dither
        draft.force = force ? true : nil
        draft.workflow = workflow
        draft.steps = steps
        draft.cfg = cfg
        draft.sampler = sampler
        draft.scheduler = scheduler
        draft.checkpoint = checkpoint
        draft.lora = lora
        draft.loraStrength = loraStrength
        draft.generationSize = generationSize.map { .text($0) }
        return draft
    }
}
