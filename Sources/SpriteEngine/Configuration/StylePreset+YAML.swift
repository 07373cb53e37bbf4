import PixelArt

extension StylePreset {
    /// Reads one `styles.<name>` entry; fields left out come from `base` (the built-in of that name) or defaults.
    static func read(
        _ node: ConfigNode,
        name: String,
        base: StylePreset?,
        sizes: Configuration.Generation
    ) throws(SpriteEngineError) -> StylePreset {
        var style =
            base
            ?? StylePreset(
                name: name,
                description: "",
                size: SpriteSize(square: 32),
                palette: nil,
                maxColors: 32
            )
        let keys = [
            "description", "prompt_prefix", "prompt_suffix", "negative_prompt", "size", "palette", "colors",
            "outline", "background", "dither", "downscale", "workflow",
        ]
        for (key, value) in try node.mapping(allowed: keys) {
            switch key {
            case "description": style.description = try value.string()
            case "prompt_prefix": style.promptPrefix = try value.string()
            case "prompt_suffix": style.promptSuffix = try value.string()
            case "negative_prompt": style.negativePrompt = try value.string()
            case "size": style.size = try readSize(value, sizes: sizes)
            case "palette": style.palette = value.isNull ? nil : try readPalette(value)
            case "colors": style.maxColors = try value.int(in: 2...256)
            case "outline": style.outline = try value.bool()
            case "dither":
                guard let dither = Dither(rawValue: try value.string()) else {
                    throw value.fail("none, ordered or floyd-steinberg")
                }
                style.dither = dither
            case "workflow": style.workflow = value.isNull ? nil : try value.nonEmptyString()
            case "downscale":
                guard let mode = PixelPipeline.DownscaleMode(rawValue: try value.string()) else {
                    throw value.fail("nearest or k-centroid")
                }
                style.downscale = mode
            default:
                guard let background = Background(try value.string()) else {
                    throw value.fail("transparent, keep or a hex colour such as '#1a1c2c'")
                }
                style.background = background
            }
        }
        return style
    }

    private static func readSize(
        _ node: ConfigNode,
        sizes: Configuration.Generation
    ) throws(SpriteEngineError) -> SpriteSize {
        let range = sizes.minSize...sizes.maxSize
        let text: String
        if let edge = node.node.int { text = String(edge) } else { text = try node.string() }
        do {
            return try SpriteSize.parse(text, field: node.keyPath, range: range)
        } catch {
            throw node.fail("N or WxH with edges from \(range.lowerBound) to \(range.upperBound)")
        }
    }

    private static func readPalette(_ node: ConfigNode) throws(SpriteEngineError) -> Palette {
        if case .sequence = node.node {
            let entries = try node.sequence().map { entry throws(SpriteEngineError) in try entry.string() }
            do {
                return try Palette.parse(hexList: entries)
            } catch {
                throw .invalidConfiguration(keyPath: node.keyPath, message: error.description, file: node.file)
            }
        }
        let name = try node.string()
        guard let palette = Palette.named(name) else {
            throw node.fail("a palette name (\(Palette.names.joined(separator: ", "))) or a list of hex colours")
        }
        return palette
    }
}
