import PixelArt
import SpriteEngine

/// A generator that paints a solid square, fails for prompts containing "fail", and hangs for "hang".
struct FakeGenerator: Generator {
    var engineName: String { "fake" }

    func generate(
        _ request: SpriteRequest,
        seed: UInt64,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws -> GeneratedImage {
        if request.prompt.contains("fail") {
            throw SpriteEngineError.generationFailed(engine: engineName, reason: "asked to fail")
        }
        if request.prompt.contains("hang") {
            try await Task.sleep(for: .seconds(3600))
        }
        var image = RGBAImage(width: request.size.width, height: request.size.height)
        let color = request.palette?.colors.first ?? RGBA(200, 40, 40)
        for y in 1..<(image.height - 1) {
            for x in 1..<(image.width - 1) { image[x, y] = color }
        }
        return GeneratedImage(image: image, backend: nil)
    }
}
