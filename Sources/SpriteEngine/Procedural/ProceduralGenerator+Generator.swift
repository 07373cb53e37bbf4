import PixelArt

extension ProceduralGenerator: Generator {
    package var engineName: String { "procedural" }

    package func cacheIdentity(for request: SpriteRequest, seed: UInt64) async -> String? {
        if request.tileset != nil { return TilesetPainter.version }
        return request.sheet == nil ? Self.version : Self.version + "+" + ProceduralAnimator.version
    }

    package func generate(
        _ request: SpriteRequest,
        seed: UInt64,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws
        -> GeneratedImage
    {
        if let tileset = TilesetPainter().generate(request, seed: seed) { return tileset }
        let spec = ProceduralSpec(
            prompt: request.prompt,
            seed: seed,
            width: request.size.width,
            height: request.size.height,
            category: SpriteCategory(rawValue: request.category),
            palette: request.palette?.colors,
            outline: request.outline
        )
        guard let sheet = request.sheet else { return GeneratedImage(image: render(spec)) }
        let rendered = ProceduralAnimator().render(
            AnimationSpec(
                sprite: spec,
                animation: sheet.animation,
                frames: sheet.frames,
                directions: sheet.directions,
                fps: sheet.fps
            )
        )
        return GeneratedImage(image: rendered.image, sheet: rendered.layout)
    }
}
