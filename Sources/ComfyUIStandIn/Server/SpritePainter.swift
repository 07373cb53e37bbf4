import Foundation
import PixelArt

/// Paints the stand-in's "generated" image: a 16×16 pixel sprite on an opaque background, scaled up with
/// nearest-neighbour blocks to the latent size, so a client's downscale can be checked exactly.
enum SpritePainter {
    /// The sprite's logical size.
    static let grid = 16

    private static let palettes: [[RGBA]] = [
        [RGBA(34, 32, 52), RGBA(217, 87, 99), RGBA(251, 242, 54), RGBA(20, 12, 28)],
        [RGBA(48, 96, 130), RGBA(106, 190, 48), RGBA(238, 195, 154), RGBA(20, 12, 28)],
        [RGBA(63, 63, 116), RGBA(223, 113, 38), RGBA(203, 219, 252), RGBA(20, 12, 28)],
        [RGBA(89, 86, 82), RGBA(153, 229, 80), RGBA(215, 123, 186), RGBA(20, 12, 28)],
    ]

    /// The logical 16×16 sprite (palette indices 0 background, 1 body, 2 highlight, 3 outline).
    static func sprite(seed: UInt64) -> RGBAImage {
        let palette = palettes[Int(seed % UInt64(palettes.count))]
        var image = RGBAImage(width: grid, height: grid, fill: palette[0])
        let center = Double(grid - 1) / 2
        for y in 0..<grid {
            for x in 0..<grid {
                let distance =
                    ((Double(x) - center) * (Double(x) - center) + (Double(y) - center) * (Double(y) - center))
                    .squareRoot()
                if distance < 4.5 {
                    image[x, y] = x < grid / 2 && y < grid / 2 ? palette[2] : palette[1]
                } else if distance < 6 {
                    image[x, y] = palette[3]
                }
            }
        }
        return image
    }

    /// The sprite upscaled to `width`×`height` as PNG bytes; cached per size and palette.
    static func png(width: Int, height: Int, seed: UInt64, core: StandInCore) -> Data {
        let key = "\(width)x\(height)#\(seed % UInt64(palettes.count))"
        if let cached = core.withState({ $0.paintedSprites[key] }) { return cached }
        let small = sprite(seed: seed)
        var image = RGBAImage(width: width, height: height, fill: small[0, 0])
        for y in 0..<height {
            for x in 0..<width { image[x, y] = small[x * grid / width, y * grid / height] }
        }
        let png = (try? PNGCodec.encode(image, fast: true)) ?? Data()
        core.withState { $0.paintedSprites[key] = png }
        return png
    }
}
