/// The knobs of a diffusion workflow a call may set; nil leaves the template's (or the style's) default.
///
/// Only the ComfyUI engine reads them; a value the chosen template does not take is an error naming the
/// template's parameters, so nothing a caller asks for is silently ignored.
package struct DiffusionOptions: Sendable, Hashable, Codable {
    /// The workflow template's name (a file in `workflows/`).
    package var workflow: String?
    package var steps: Int?
    package var cfg: Double?
    package var sampler: String?
    package var scheduler: String?
    package var checkpoint: String?
    package var lora: String?
    package var loraStrength: Double?
    /// The resolution diffusion runs at, distinct from the sprite's size.
    package var generationSize: SpriteSize?

    package init() {}

    /// The step range every template accepts at most; templates may narrow it.
    package static let stepRange = 1...150
    package static let cfgRange = 0.0...30.0
    package static let loraStrengthRange = -4.0...4.0
    package static let generationEdgeRange = 64...2048
}
