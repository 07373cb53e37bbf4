import PixelArt

/// A named look: prompt wording for diffusion plus the pixel-art parameters every engine honours.
package struct StylePreset: Hashable, Sendable, Codable {
    /// How the sprite's background is treated.
    package enum Background: Hashable, Sendable, Codable, CustomStringConvertible {
        case transparent
        case keep
        case color(RGBA)

        /// Parses `transparent`, `keep` or a hex colour.
        package init?(_ text: String) {
            switch text.lowercased() {
            case "transparent": self = .transparent
            case "keep": self = .keep
            default:
                guard let color = RGBA(hex: text) else { return nil }
                self = .color(color)
            }
        }

        package var description: String {
            switch self {
            case .transparent: "transparent"
            case .keep: "keep"
            case .color(let color): color.hex
            }
        }
    }

    package var name: String
    package var description: String
    package var promptPrefix: String
    package var promptSuffix: String
    package var negativePrompt: String
    package var size: SpriteSize
    /// The palette every colour is snapped to; nil lets the engine choose colours freely.
    package var palette: Palette?
    /// The most colours a sprite may use.
    package var maxColors: Int
    package var outline: Bool
    package var background: Background
    /// Dithering when snapping painted images to the palette (`process`, diffusion output); none by default.
    package var dither: Dither = .none
    /// How painted images are downscaled to the style's size.
    package var downscale: PixelPipeline.DownscaleMode = .kCentroid
    /// The ComfyUI workflow template this style uses; nil uses `comfyui.workflow`.
    package var workflow: String?

    package init(
        name: String,
        description: String,
        promptPrefix: String = "pixel art, ",
        promptSuffix: String = "",
        negativePrompt: String = "blurry, photo, 3d render, gradient, antialiasing, text, watermark",
        size: SpriteSize,
        palette: Palette?,
        maxColors: Int,
        outline: Bool = true,
        background: Background = .transparent
    ) {
        self.name = name
        self.description = description
        self.promptPrefix = promptPrefix
        self.promptSuffix = promptSuffix
        self.negativePrompt = negativePrompt
        self.size = size
        self.palette = palette
        self.maxColors = maxColors
        self.outline = outline
        self.background = background
    }
}
