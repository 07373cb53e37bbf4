import Foundation
import Testing

@testable import PixelArt

@Suite("PixelPipeline")
struct PixelPipelineTests {
    /// A 16-colour-ish sprite, upscaled 8× onto a flat backdrop, blurred and noised like diffusion output.
    static let painted: RGBAImage = {
        let sprite = SpriteFixtures.sprite(width: 16, height: 16, colors: 10, seed: 42)
        let upscaled = SpriteFixtures.upscaled(sprite, scale: 8, offsetX: 0, offsetY: 0, backdrop: RGBA(0, 200, 90))
        return SpriteFixtures.damaged(upscaled, noise: 6, seed: 7)
    }()

    static func options(_ configure: (inout PixelPipeline.Options) -> Void) -> PixelPipeline.Options {
        var options = PixelPipeline.Options()
        configure(&options)
        return options
    }

    static let variants: [PixelPipeline.Options] = [
        options {
            $0.size = .exact(width: 16, height: 16)
            $0.palette = .adaptive(colors: 8)
        },
        options {
            $0.background = .floodFill(tolerance: 40)
            $0.size = .exact(width: 16, height: 16)
            $0.downscale = .kCentroid
            $0.palette = .fixed(Palette.named("pico-8") ?? Palette(name: "none", colors: []))
            $0.dither = .ordered
        },
        options {
            $0.size = .auto
            $0.palette = .adaptive(colors: 4)
            $0.dither = .floydSteinberg
            $0.background = .key(RGBA(0, 200, 90), tolerance: 40)
        },
    ]

    @Test(
        "Output has exact size, at most N colours, binary alpha, and is byte-identical on a repeat run",
        arguments: variants
    )
    func properties(options: PixelPipeline.Options) throws {
        let input = try PNGCodec.encode(Self.painted, fast: true)
        let pipeline = PixelPipeline(options: options)
        let first = try pipeline.run(input)
        #expect(try pipeline.run(input) == first)
        let output = try PNGCodec.decode(first)
        #expect(output.width == 16 && output.height == 16)
        #expect(output.hasBinaryAlpha)
        let visible = output.distinctColors.filter { $0.a > 0 }
        switch options.palette {
        case .adaptive(let colors): #expect(visible.count <= colors)
        case .fixed(let palette): #expect(visible.allSatisfy { palette.containsRGB(of: $0) })
        case .keep: break
        }
        let header = try PNGChunkReader.readHeader(first)
        #expect(header.colorType == .indexed)
    }

    @Test(
        "Background removal clears the backdrop, trim and pad to a power of two give exact sizes, outline adds one colour"
    )
    func backgroundTrimPadOutline() throws {
        var options = PixelPipeline.Options()
        options.background = .floodFill(tolerance: 40)
        options.size = .auto
        options.palette = .adaptive(colors: 6)
        options.trim = true
        options.pad = .powerOfTwo
        options.outline = RGBA(0, 0, 0)
        let output = try PixelPipeline(options: options).process(Self.painted)
        #expect(output.width == 16 && output.height == 16)
        #expect(output[0, 0].isTransparent)
        #expect(output.distinctColors.filter { $0.a > 0 }.count <= 7)
        #expect(output.hasBinaryAlpha)
    }

    @Test("Keeps the image when every step is off, apart from hardening alpha")
    func identity() throws {
        let sprite = SpriteFixtures.sprite(width: 9, height: 9, seed: 1)
        #expect(try PixelPipeline().process(sprite) == sprite)
    }

    @Test("Refuses colours 0 or over 256, a target larger than the source and bad options, with clear errors")
    func refuses() throws {
        let image = SpriteFixtures.sprite(width: 8, height: 8, seed: 2)
        func run(_ configure: (inout PixelPipeline.Options) -> Void) throws {
            _ = try PixelPipeline(options: Self.options(configure)).process(image)
        }
        #expect(throws: PixelArtError.invalidColorCount(0)) { try run { $0.palette = .adaptive(colors: 0) } }
        #expect(throws: PixelArtError.invalidColorCount(257)) { try run { $0.palette = .adaptive(colors: 257) } }
        #expect(throws: PixelArtError.targetLargerThanSource(target: "16×8", source: "8×8")) {
            try run { $0.size = .exact(width: 16, height: 8) }
        }
        #expect(throws: PixelArtError.self) { try run { $0.size = .exact(width: 0, height: 8) } }
        #expect(throws: PixelArtError.self) { try run { $0.pad = .multipleOf(0) } }
        #expect(throws: PixelArtError.self) { try run { $0.background = .floodFill(tolerance: 300) } }
        let message = PixelArtError.targetLargerThanSource(target: "16×8", source: "8×8").description
        #expect(message.contains("16×8") && message.contains("smaller"))
    }

    @Test("A truncated or non-PNG input is refused before any processing")
    func badInput() throws {
        let png = try PNGCodec.encode(SpriteFixtures.sprite(width: 8, height: 8, seed: 3))
        #expect(throws: PixelArtError.notPNG) { try PixelPipeline().run(Data("GIF89a".utf8)) }
        #expect(throws: PixelArtError.self) { try PixelPipeline().run(png.prefix(png.count / 2)) }
    }

    @Test("A sprite with a cleared background is written as indexed PNG with tRNS and validates clean")
    func indexedWithTransparency() throws {
        var options = PixelPipeline.Options()
        options.background = .floodFill(tolerance: 40)
        options.size = .auto
        options.palette = .fixed(try #require(Palette.named("sweetie-16")))
        let png = try PixelPipeline(options: options).run(try PNGCodec.encode(Self.painted, fast: true))
        let structure = try PNGChunkReader.read(png)
        #expect(structure.header.colorType == .indexed)
        #expect(structure.hasPalette && structure.hasTransparency)
        let limits = PNGValidator.Limits(
            maxColors: 17,
            requireBinaryAlpha: true,
            palette: Palette.named("sweetie-16")?.colors
        )
        let report = PNGValidator(limits: limits).validate(png, fileName: "hero_idle.png")
        #expect(report.valid && report.issues.isEmpty, "\(report.codes)")
    }
}
