import PixelArt

/// The embedded sprite engine: mask-template pixel art (after Bollinger's "Pixel Spaceships"), deterministic from
/// the spec, used when no diffusion backend is available.
package struct ProceduralGenerator: Sendable {
    /// Part of every cache key: bump whenever any spec renders differently.
    package static let version = "procedural-1"

    /// The sizes a sprite may have on either axis; specs outside are clamped.
    package static let sizeRange = 8...256

    package init() {}

    /// The sprite for `spec`: the same spec gives byte-identical pixels on every machine.
    package func render(_ spec: ProceduralSpec) -> RGBAImage {
        let width = min(max(spec.width, Self.sizeRange.lowerBound), Self.sizeRange.upperBound)
        let height = min(max(spec.height, Self.sizeRange.lowerBound), Self.sizeRange.upperBound)
        var random = SeededRandom(seed: spec.stableHash)
        let palette = spec.palette.flatMap(PaletteSnapper.init(palette:))
        let category = spec.resolvedCategory

        guard category != .tile,
            let template = MaskTemplate.choose(for: category, prompt: spec.prompt, using: &random)
        else {
            let texture = TileTexture(prompt: spec.prompt, palette: palette, using: &random)
            return texture.render(width: width, height: height, using: &random)
        }

        var filled = template.filled(using: &random)
        filled.removeIsolatedCells()
        let mask = filled.cropped()
        let colours = SpriteColours(prompt: spec.prompt, template: template, palette: palette, using: &random)
        let renderer = SpriteRenderer(colours: colours, outline: spec.outline)
        if let layout = SpriteLayout.fitting(
            maskWidth: mask.width,
            maskHeight: mask.height,
            canvasWidth: width,
            canvasHeight: height
        ) {
            return renderer.render(mask, layout: layout, width: width, height: height)
        }
        // Too small for one pixel per cell: shrink the mask to leave room for the outline and the margin.
        let small = mask.shrunk(toFit: width - 4, height - 4, mirrored: true)
        return renderer.render(small, layout: SpriteLayout(detail: 1, scale: 1), width: width, height: height)
    }
}
