import PixelArt

extension ProceduralGenerator: Generator {
    package var engineName: String { "procedural" }

    package func cacheIdentity(for request: SpriteRequest, seed: UInt64) async -> String? {
        Self.version
    }

    package func generate(
        _ request: SpriteRequest,
        seed: UInt64,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws
        -> GeneratedImage
    {
        let spec = ProceduralSpec(
            prompt: request.prompt,
            seed: seed,
            width: request.size.width,
            height: request.size.height,
            category: SpriteCategory(rawValue: request.category),
            palette: request.palette?.colors,
            outline: request.outline
        )
        return GeneratedImage(image: render(spec))
    }
}
