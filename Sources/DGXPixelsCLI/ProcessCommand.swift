import ArgumentParser
import Foundation
import PixelArt
import SpriteEngine

/// `dgx-pixels process IN… -o OUT`: turns images made elsewhere into true sprites with a style's pipeline.
struct ProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Turn painted pixel-art images into true sprites (native size, palette, binary alpha).",
        discussion: """
            Example: dgx-pixels process hero.png --style 16bit --size auto --colors 16 -o hero_sprite.png
            With several inputs, OUT is a directory and each result keeps its input's file name.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "PNG files to process.") var inputs: [String]
    @Option(help: "Style preset whose pipeline settings are the defaults (default: generation.default_style).")
    var style: String?
    @Option(help: "Target size: N, WxH, or auto (detect the pixel grid of an upscaled image).") var size: String?
    @Option(help: "Palette: a built-in name, a .hex/.gpl file, or hex colours separated by commas.")
    var palette: String?
    @Option(help: "Adaptive palette of N colours (1–256), used when no --palette is given.") var colors: Int?
    @Option(help: "Dithering: none, ordered or floyd-steinberg.") var dither: String?
    @Option(help: "Background: transparent (flood fill from the border), keep, or a hex key colour to clear.")
    var background: String?
    @Option(help: "Outline: none or a hex colour.") var outline: String?
    @Option(help: "Downscale: nearest or k-centroid.") var downscale: String?
    @Option(name: .shortAndLong, help: "Output PNG file (one input) or directory.") var output: String
    @Option(help: "Also write a before/after contact sheet PNG here.") var contactSheet: String?

    func run() async throws {
        let (configuration, _) = try global.bootstrap()
        do {
            let options = try pipelineOptions(configuration)
            let pipeline = PixelPipeline(options: options)
            try pipeline.validate()
            let destination = URL(fileURLWithPath: GlobalOptions.absolute(output))
            let single = inputs.count == 1 && destination.pathExtension.lowercased() == "png"
            if !single {
                try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
            }
            var pairs: [(before: RGBAImage, after: RGBAImage)] = []
            for input in inputs {
                let source = URL(fileURLWithPath: GlobalOptions.absolute(input))
                let before = try PNGCodec.decode(try Self.read(source))
                let after = try pipeline.process(before)
                let target = single ? destination : destination.appendingPathComponent(source.lastPathComponent)
                try PNGCodec.encode(after).write(to: target)
                Console.out("\(target.path)  \(after.width)x\(after.height)  \(after.colorCount) colours")
                pairs.append((before, after))
            }
            if let contactSheet {
                let url = URL(fileURLWithPath: GlobalOptions.absolute(contactSheet))
                try PNGCodec.encode(ContactSheet.make(pairs)).write(to: url)
                Console.out("\(url.path)  contact sheet")
            }
        } catch let error as PixelArtError {
            Console.error(error.description)
            throw ExitCode.failure
        } catch let error as SpriteEngineError {
            throw JobRunner.fail(error)
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error("\(error.localizedDescription)")
            throw ExitCode.failure
        }
    }

    private static func read(_ url: URL) throws(PixelArtError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .invalidOption("cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}
