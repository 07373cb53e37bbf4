import PixelArt

extension SpriteRequest {
    /// How painted (diffusion) output becomes this sprite: the style's pipeline with the call's values in effect.
    package var pipelineOptions: PixelPipeline.Options {
        .sprite(
            size: size,
            background: background,
            downscale: style.downscale,
            dither: dither,
            palette: palette,
            maxColors: maxColors,
            outline: outline
        )
    }

    /// The text the diffusion model sees: the style's wording around the caller's prompt.
    package var diffusionPrompt: String {
        style.promptPrefix + prompt + style.promptSuffix
    }
}
