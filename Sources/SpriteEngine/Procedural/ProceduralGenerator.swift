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
        SpriteBlueprint(spec: spec).renderStill()
    }
}
