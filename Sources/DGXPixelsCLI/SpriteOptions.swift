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
        return draft
    }
}
