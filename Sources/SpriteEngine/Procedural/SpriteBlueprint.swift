import PixelArt

/// What a spec decides before any pixel is painted: for masked sprites the filled mask, its colours and its layout;
/// for tiles the texture and the random state its painting continues from.
///
/// The still sprite and every animation frame start from the same blueprint, so a sheet shows the character the still
/// sprite shows, in its colours.
struct SpriteBlueprint: Sendable {
    /// A mask-template sprite, ready to render.
    struct Masked: Sendable {
        let template: MaskTemplate
        /// Cropped to its filled cells, and shrunk when the canvas is too small for one pixel per cell.
        let mask: SpriteMask
        let colours: SpriteColours
        let layout: SpriteLayout
        let outline: Bool
    }

    /// The two kinds of sprite the engine paints.
    enum Body: Sendable {
        case masked(Masked)
        /// The texture and the random state right after choosing it; painting continues from that state.
        case tile(TileTexture, SeededRandom)
    }

    let width: Int
    let height: Int
    let category: SpriteCategory
    let body: Body

    /// Draws from the spec's random stream in a fixed order; `ProceduralGenerator.render` depends on that order to keep
    /// its pinned output.
    init(spec: ProceduralSpec) {
        width = min(max(spec.width, ProceduralGenerator.sizeRange.lowerBound), ProceduralGenerator.sizeRange.upperBound)
        height = min(
            max(spec.height, ProceduralGenerator.sizeRange.lowerBound),
            ProceduralGenerator.sizeRange.upperBound
        )
        var random = SeededRandom(seed: spec.stableHash)
        let palette = spec.palette.flatMap(PaletteSnapper.init(palette:))
        category = spec.resolvedCategory

        guard category != .tile,
            let template = MaskTemplate.choose(for: category, prompt: spec.prompt, using: &random)
        else {
            let texture = TileTexture(prompt: spec.prompt, palette: palette, using: &random)
            body = .tile(texture, random)
            return
        }

        var filled = template.filled(using: &random)
        filled.removeIsolatedCells()
        var mask = filled.cropped()
        let colours = SpriteColours(prompt: spec.prompt, template: template, palette: palette, using: &random)
        let layout: SpriteLayout
        if let fitted = SpriteLayout.fitting(
            maskWidth: mask.width,
            maskHeight: mask.height,
            canvasWidth: width,
            canvasHeight: height
        ) {
            layout = fitted
        } else {
            // Too small for one pixel per cell: shrink the mask to leave room for the outline and the margin.
            mask = mask.shrunk(toFit: width - 4, height - 4, mirrored: true)
            layout = SpriteLayout(detail: 1, scale: 1)
        }
        body = .masked(
            Masked(
                template: template,
                mask: mask,
                colours: colours,
                layout: layout,
                outline: spec.outline
            )
        )
    }

    /// The still sprite: the mask rendered front on, or the tile texture filling the canvas.
    func renderStill() -> RGBAImage {
        switch body {
        case .masked(let masked):
            let renderer = SpriteRenderer(colours: masked.colours, outline: masked.outline)
            return renderer.render(masked.mask, layout: masked.layout, width: width, height: height)
        case .tile(let texture, var random):
            return texture.render(width: width, height: height, using: &random)
        }
    }
}
