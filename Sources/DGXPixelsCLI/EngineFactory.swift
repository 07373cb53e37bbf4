import Logging
import SpriteEngine

/// The composition root: picks the generator the configuration asks for and builds the engine.
enum EngineFactory {
    static func makeEngine(_ configuration: Configuration) -> GenerationEngine {
        // `auto` falls back to the embedded engine; ComfyUI backends plug in here.
        let generator: any Generator = ProceduralGenerator()
        return GenerationEngine(
            configuration: configuration,
            generator: generator,
            logger: Logger(label: "dgx-pixels.engine")
        )
    }
}
