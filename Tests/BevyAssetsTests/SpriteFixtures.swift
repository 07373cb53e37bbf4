import Foundation
import TestSupport

@testable import BevyAssets

/// Bytes that start like a PNG (all the deployer checks), different for each `seed`.
func pngBytes(_ seed: UInt8) -> Data {
    Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: seed, count: 32)
}

/// A 16×16 sprite with PNG-like bytes.
func sprite(_ name: String, category: String = "characters", seed: UInt8 = 1) -> SpriteAsset {
    SpriteAsset(
        name: name,
        category: category,
        png: pngBytes(seed),
        width: 16,
        height: 16,
        prompt: "a \(name)",
        seed: 42,
        engine: "procedural"
    )
}
