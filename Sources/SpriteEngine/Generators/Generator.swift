import PixelArt

/// Something that turns a sprite request into pixels: the embedded procedural engine, or ComfyUI.
package protocol Generator: Sendable {
    /// The `engine` every result reports (`procedural`, `comfyui`).
    var engineName: String { get }
    /// Makes the image for `request` with `seed`; reports stage progress through `progress`.
    func generate(_ request: SpriteRequest, seed: UInt64, progress: ProgressReporter) async throws -> GeneratedImage
}

/// A generator's output before encoding: final-size pixels and which backend made them.
package struct GeneratedImage: Sendable {
    package var image: RGBAImage
    package var backend: String?

    package init(image: RGBAImage, backend: String? = nil) {
        self.image = image
        self.backend = backend
    }
}
