import Foundation
import PixelArt
import SpriteEngine

/// Turning `process`'s flags into pipeline options on top of the style's defaults.
extension ProcessCommand {
    /// The style's pipeline built from the values in effect (a `--palette` changes the outline's colour too), then
    /// the flags only `process` has.
    func pipelineOptions(_ configuration: Configuration) throws -> PixelPipeline.Options {
        let preset = try configuration.style(named: style ?? configuration.generation.defaultStyle)
        let effectivePalette = try palette.map(Self.palette) ?? (colors == nil ? preset.palette : nil)
        var options = PixelPipeline.Options.sprite(
            size: preset.size,
            background: preset.background,
            downscale: preset.downscale,
            dither: preset.dither,
            palette: effectivePalette,
            maxColors: colors ?? preset.maxColors,
            outline: preset.outline
        )
        if let size {
            if size.lowercased() == "auto" {
                options.size = .auto
            } else {
                let parsed = try SpriteSize.parse(size, field: "size", range: 1...4096)
                options.size = .exact(width: parsed.width, height: parsed.height)
            }
        }
        if let dither {
            guard let value = Dither(rawValue: dither.lowercased()) else {
                throw PixelArtError.invalidOption("--dither must be none, ordered or floyd-steinberg, got '\(dither)'")
            }
            options.dither = value
        }
        if let background { options.background = try Self.background(background) }
        if let outline {
            if outline.lowercased() == "none" {
                options.outline = nil
            } else if let color = RGBA(hex: outline) {
                options.outline = color
            } else {
                throw PixelArtError.invalidOption(
                    "--outline must be none or a hex colour like #1a1c2c, got '\(outline)'"
                )
            }
        }
        if let downscale {
            guard let mode = PixelPipeline.DownscaleMode(rawValue: downscale.lowercased()) else {
                throw PixelArtError.invalidOption("--downscale must be nearest or k-centroid, got '\(downscale)'")
            }
            options.downscale = mode
        }
        return options
    }

    /// A built-in palette name, a palette file, or a comma-separated hex list.
    static func palette(_ text: String) throws(PixelArtError) -> Palette {
        if let named = Palette.named(text) { return named }
        if FileManager.default.fileExists(atPath: GlobalOptions.absolute(text)) {
            let path = GlobalOptions.absolute(text)
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw .invalidPalette("\(path) is not a readable UTF-8 text file")
            }
            return try Palette.parse(fileContents: contents, fileName: path)
        }
        if text.contains(",") || text.hasPrefix("#") {
            return try Palette.parse(hexList: text.split(separator: ",").map(String.init))
        }
        throw .invalidPalette(
            "'\(text)' is not a built-in palette (\(Palette.names.joined(separator: ", "))), a file, or hex colours"
        )
    }

    static func background(_ text: String) throws(PixelArtError) -> PixelPipeline.Background {
        switch text.lowercased() {
        case "transparent": return .floodFill(tolerance: StylePreset.backgroundTolerance)
        case "keep": return .keep
        default:
            guard let color = RGBA(hex: text) else {
                throw .invalidOption("--background must be transparent, keep or a hex key colour, got '\(text)'")
            }
            return .key(color, tolerance: StylePreset.backgroundTolerance)
        }
    }
}
