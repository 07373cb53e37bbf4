import Logging
import SpriteEngine

/// The composition root: builds the generator the configuration asks for, and the engine around it.
enum EngineFactory {
    static func makeEngine(_ configuration: Configuration) -> GenerationEngine {
        let logger = Logger(label: "dgx-pixels.engine")
        return GenerationEngine(
            configuration: configuration,
            generator: GeneratorFactory.make(configuration, logger: Logger(label: "dgx-pixels.comfyui")),
            logger: logger
        )
    }
}
