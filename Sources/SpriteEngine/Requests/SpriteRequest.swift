import PixelArt

/// One sprite to make, with every option resolved against the style and the configuration.
package struct SpriteRequest: Sendable, Hashable, Codable {
    package var prompt: String
    package var negativePrompt: String
    package var style: StylePreset
    package var size: SpriteSize
    /// Nil lets the engine pick one; the result always reports the seed used.
    package var seed: UInt64?
    package var palette: Palette?
    package var maxColors: Int
    package var outline: Bool
    package var background: StylePreset.Background
    /// File name without extension, `[a-z0-9_-]`.
    package var name: String
    package var category: String
    /// How painted (diffusion) output is dithered when snapped to the palette.
    package var dither: Dither = .none
    /// Workflow knobs for the ComfyUI engine.
    package var diffusion = DiffusionOptions()
    /// Make it even when the cache holds the same sprite.
    package var force = false
}
