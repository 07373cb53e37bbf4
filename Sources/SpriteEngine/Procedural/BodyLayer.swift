import PixelArt

/// One native pixel of a sprite before colouring, so frames can re-shade it (a back view, a hit flash).
enum BodyPixel: Hashable, Sendable {
    case empty
    /// A seam or border cell: drawn in the outline colour.
    case line
    case eye
    /// The eye's highlight.
    case glint
    /// A surface pixel: its part's ramp at `level` (0 light … 4 dark).
    case shaded(SpritePart, level: Int)

    var isFilled: Bool { self != .empty }
}

/// A mask drawn at `detail` pixels per cell with a one-pixel ring left empty for the outline: the shading the still
/// sprite has (light from the top left, lit and shaded rims) without colours or the outline itself.
struct BodyLayer: Sendable {
    let width: Int
    let height: Int
    /// Native pixels per mask cell.
    let detail: Int
    private(set) var pixels: [BodyPixel]

    init(mask: SpriteMask, detail: Int) {
        self.detail = detail
        width = mask.width * detail + 2
        height = mask.height * detail + 2
        func cell(_ x: Int, _ y: Int) -> MaskPixel {
            guard x >= 1, y >= 1 else { return .empty }
            return mask[(x - 1) / detail, (y - 1) / detail]
        }
        let bounds = Self.lightGradient(mask, detail: detail)
        var pixels = [BodyPixel](repeating: .empty, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let pixel: BodyPixel
                switch cell(x, y) {
                case .empty:
                    pixel = .empty
                case .border:
                    pixel = .line
                case .body(.eye):
                    let isBlockCorner = (x - 1) % detail == 0 && (y - 1) % detail == 0
                    let startsEye = cell(x - 1, y) != .body(.eye) && cell(x, y - 1) != .body(.eye)
                    pixel = detail >= 2 && isBlockCorner && startsEye ? .glint : .eye
                case .body(let part):
                    let here = MaskPixel.body(part)
                    var level = ShadeRamp.baseIndex + bounds.gradient(x: x, y: y)
                    // A lit rim on top and left, a shaded one on bottom and right; at one pixel per cell every
                    // pixel is rim, so small sprites get the broad gradient only.
                    if detail >= 2 {
                        if cell(x - 1, y) != here || cell(x, y - 1) != here { level -= 1 }
                        if cell(x + 1, y) != here || cell(x, y + 1) != here { level += 1 }
                    }
                    pixel = .shaded(part, level: level)
                }
                pixels[y * width + x] = pixel
            }
        }
        self.pixels = pixels
    }

    /// The pixel at (x, y); empty outside the layer.
    subscript(x: Int, y: Int) -> BodyPixel {
        x >= 0 && y >= 0 && x < width && y < height ? pixels[y * width + x] : .empty
    }

    /// Replaces the pixel at (x, y), which must lie inside the layer.
    mutating func setPixel(_ pixel: BodyPixel, x: Int, y: Int) {
        pixels[y * width + x] = pixel
    }

    /// Light from the top left across the filled cells' bounding box.
    private static func lightGradient(_ mask: SpriteMask, detail: Int) -> LightGradient {
        var minX = Int.max
        var minY = Int.max
        var maxX = Int.min
        var maxY = Int.min
        for y in 0..<mask.height {
            for x in 0..<mask.width where mask[x, y].isFilled {
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = max(maxY, y)
            }
        }
        guard minX <= maxX else { return LightGradient(minX: 0, minY: 0, spanX: 1, spanY: 1) }
        return LightGradient(
            minX: minX * detail + 1,
            minY: minY * detail + 1,
            spanX: max(1, (maxX - minX + 1) * detail),
            spanY: max(1, (maxY - minY + 1) * detail)
        )
    }
}

extension SpriteColours {
    /// The colour of a body pixel with its level moved by `shade` (positive darker), clamped to the ramp; nil when
    /// empty.
    ///
    /// Every colour it returns is one of `allColours`.
    func colour(of pixel: BodyPixel, shade: Int = 0) -> RGBA? {
        switch pixel {
        case .empty: nil
        case .line: outline
        case .eye: eye
        case .glint: glint
        case .shaded(let part, let level): ramp(for: part)[level + shade]
        }
    }

    /// Every colour a sprite in these colours can use, in a stable order without repeats: the ramps' shades, the
    /// outline, the eye and its glint.
    ///
    /// Frames and views of one sprite draw only from these.
    var allColours: [RGBA] {
        var colours: [RGBA] = []
        for part in SpritePart.allCases {
            for level in 0..<5 where !colours.contains(ramp(for: part)[level]) {
                colours.append(ramp(for: part)[level])
            }
        }
        for extra in [outline, eye, glint] where !colours.contains(extra) { colours.append(extra) }
        return colours
    }
}
