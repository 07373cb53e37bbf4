@testable import PixelArt

/// SplitMix64, so fixtures are the same on every run and platform.
struct TestRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Known sprites and the damage diffusion output shows (upscaling, offset grids, blur, noise).
enum SpriteFixtures {
    /// A 3 × 2 image with red, green, half-transparent blue, white and two clear pixels.
    static let checker: RGBAImage = {
        var image = RGBAImage(width: 3, height: 2)
        image[0, 0] = RGBA(255, 0, 0)
        image[1, 0] = RGBA(0, 255, 0)
        image[2, 0] = RGBA(0, 0, 255, 128)
        image[0, 1] = RGBA(255, 255, 255)
        return image
    }()

    /// A `width` × `height` sprite: random colours from a small set on a transparent border.
    static func sprite(width: Int, height: Int, colors: Int = 6, seed: UInt64) -> RGBAImage {
        var random = TestRandom(seed: seed)
        let palette = (0..<colors).map { _ in
            RGBA(
                UInt8.random(in: 0...255, using: &random),
                UInt8.random(in: 0...255, using: &random),
                UInt8.random(in: 0...255, using: &random)
            )
        }
        var image = RGBAImage(width: width, height: height)
        for y in 1..<(height - 1) {
            for x in 1..<(width - 1) {
                image[x, y] = palette[Int.random(in: 0..<colors, using: &random)]
            }
        }
        return image
    }

    /// `image` upscaled by `scale` onto an opaque backdrop, shifted so block edges fall at `offset + n × scale`.
    static func upscaled(_ image: RGBAImage, scale: Int, offsetX: Int, offsetY: Int, backdrop: RGBA) -> RGBAImage {
        let width = image.width * scale - (offsetX > 0 ? scale - offsetX : 0)
        let height = image.height * scale - (offsetY > 0 ? scale - offsetY : 0)
        var result = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let color = image[
                    (x + scale - offsetX) / scale - (offsetX > 0 ? 0 : 1),
                    (y + scale - offsetY) / scale - (offsetY > 0 ? 0 : 1)
                ]
                result[x, y] = color.a == 0 ? backdrop : color
            }
        }
        return result
    }

    /// A [1 2 1] / 4 blur in both directions (what JPEG and resampling do to hard edges) plus uniform noise.
    static func damaged(_ image: RGBAImage, noise: Int, seed: UInt64) -> RGBAImage {
        var random = TestRandom(seed: seed)
        var result = image
        for y in 0..<image.height {
            for x in 0..<image.width {
                var sums = [0, 0, 0]
                var total = 0
                for dy in -1...1 {
                    for dx in -1...1 where image.contains(x: x + dx, y: y + dy) {
                        let weight = (2 - abs(dx)) * (2 - abs(dy))
                        let color = image[x + dx, y + dy]
                        sums[0] += Int(color.r) * weight
                        sums[1] += Int(color.g) * weight
                        sums[2] += Int(color.b) * weight
                        total += weight
                    }
                }
                func channel(_ sum: Int) -> UInt8 {
                    UInt8(clamping: (sum + total / 2) / total + Int.random(in: -noise...noise, using: &random))
                }
                result[x, y] = RGBA(channel(sums[0]), channel(sums[1]), channel(sums[2]))
            }
        }
        return result
    }
}
