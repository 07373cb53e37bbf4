import PixelArt
import Testing

@testable import SpriteEngine

@Suite("Style presets as pipeline options")
struct StylePresetPipelineTests {
    @Test("Every built-in style maps to its size, palette (or adaptive colours) and an in-palette outline")
    func builtIns() throws {
        for (name, style) in StylePreset.builtIn {
            let options = style.pipelineOptions
            #expect(options.size == .exact(width: style.size.width, height: style.size.height), "\(name)")
            #expect(options.downscale == .kCentroid && options.dither == .none)
            if let palette = style.palette {
                #expect(options.palette == .fixed(palette))
                if let outline = options.outline { #expect(palette.containsRGB(of: outline), "\(name)") }
            } else {
                #expect(options.palette == .adaptive(colors: style.maxColors))
            }
            #expect((options.outline != nil) == style.outline)
            #expect(options.background == (style.background == .transparent ? .floodFill(tolerance: 24) : .keep))
        }
    }

    @Test("The gameboy style turns a painted image into a 32 px, 4-colour, binary-alpha sprite")
    func gameboy() throws {
        let style = try #require(StylePreset.builtIn["gameboy"])
        var painted = RGBAImage(width: 256, height: 256, fill: RGBA(250, 250, 250))
        for y in 64..<192 {
            for x in 80..<176 { painted[x, y] = RGBA(UInt8(x), 40, UInt8(y)) }
        }
        let sprite = try PixelPipeline(options: style.pipelineOptions).process(painted)
        #expect(sprite.width == 32 && sprite.height == 32)
        #expect(sprite.hasBinaryAlpha)
        #expect(sprite[0, 0].isTransparent)
        #expect(sprite.distinctColors.filter { $0.a > 0 }.count <= 4)
    }

    @Test("dither and downscale keys in a style reach the pipeline options; bad values name the key")
    func yamlKeys() throws {
        let yaml = "styles:\n  pico8:\n    dither: ordered\n    downscale: nearest\n"
        let configuration = try Configuration.parse(yaml: yaml, environment: [:])
        let options = try #require(configuration.styles["pico8"]).pipelineOptions
        #expect(options.dither == .ordered && options.downscale == .nearest)
        #expect(throws: SpriteEngineError.self) {
            try Configuration.parse(yaml: "styles:\n  pico8:\n    dither: lots\n", environment: [:])
        }
    }
}
