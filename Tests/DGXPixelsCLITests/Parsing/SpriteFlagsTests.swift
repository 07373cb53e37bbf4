import ArgumentParser
import Foundation
import PixelArt
import SpriteEngine
import Testing

@testable import DGXPixelsCLI

@Suite("Command-line parsing, in process: the sprite flags follow the option table")
struct SpriteFlagsTests {
    @Test("Every option of the table is a generate flag, spelled from its key, and reaches the draft")
    func everyOptionIsAFlag() throws {
        for option in GenerateCommand.options {
            let value: String =
                switch option.kind {
                case .integer(let range): "\(range.lowerBound)"
                case .number(let range): "\(range.lowerBound)"
                case .flag: "true"
                case .size: "32"
                case .choice(let choices): choices[0]
                case .integerChoice(let choices): "\(choices[0])"
                default: "abc"
                }
            let command = try #require(
                try DGXPixels.parseAsRoot(["generate", "red knight", option.flag, value]) as? GenerateCommand
            )
            let draft = try command.draft()
            #expect(draft[option] != nil, "\(option.flag) did not reach the draft")
            #expect(draft[.prompt] == .text("red knight"))
        }
        #expect(GenerateCommand.options.contains { $0.flag == "--negative-prompt" })
    }

    @Test("Flags before or after the prompt, --key=value, --no-flag, lists, and -- before a prompt with dashes")
    func spellings() throws {
        let command = try #require(
            try DGXPixels.parseAsRoot([
                "generate", "--size", "24x32", "--outline=false", "slime", "--palette", "#000000,#ffffff",
                "--no-force", "--seed", "7",
            ]) as? GenerateCommand
        )
        let draft = try command.draft()
        #expect(draft[.size] == .text("24x32") && draft[.outline] == .flag(false) && draft[.force] == .flag(false))
        #expect(draft[.palette] == .list(["#000000", "#ffffff"]) && draft[.seed] == .int(7))
        #expect(draft[.prompt] == .text("slime"))
        let dashed = try #require(try DGXPixels.parseAsRoot(["generate", "--", "--odd prompt"]) as? GenerateCommand)
        #expect(try dashed.draft()[.prompt] == .text("--odd prompt"))
    }

    @Test("Unknown flags, missing values, wrong types and missing or extra prompts are refused with a message")
    func refusals() {
        let cases: [([String], String)] = [
            (["generate", "knight", "--colour", "red"], "Unknown option '--colour'"),
            (["generate", "knight", "--seed"], "--seed needs a value"),
            (["generate", "knight", "--seed", "seven"], "--seed expects an integer"),
            (["generate", "knight", "--cfg", "lots"], "--cfg expects a number"),
            (["generate", "--size", "32"], "Give the prompt"),
            (["generate", "red", "knight"], "Give one prompt"),
            (["batch", "a", "--name", "x"], "Unknown option '--name'"),
        ]
        for (arguments, expected) in cases {
            #expect(throws: (any Error).self, "\(arguments)") { _ = try DGXPixels.parseAsRoot(arguments) }
            do {
                _ = try DGXPixels.parseAsRoot(arguments)
            } catch {
                let message = DGXPixels.message(for: error)
                #expect(message.contains(expected), "\(arguments): \(message)")
            }
        }
    }

    @Test("Ranges are the option table's: the CLI refuses what MCP refuses, naming the option")
    func rangesMatchTheTable() throws {
        let configuration = Configuration(environment: ["HOME": "/tmp"])
        for (flag, value, field) in [("--steps", "0", "steps"), ("--colors", "300", "colors"), ("--size", "4", "size")]
        {
            let command = try #require(try DGXPixels.parseAsRoot(["generate", "x", flag, value]) as? GenerateCommand)
            #expect { try command.draft().resolve(with: configuration) } throws: { error in
                guard case .invalidArgument(let name, _) = error as? SpriteEngineError else { return false }
                return name == field
            }
        }
    }

    @Test("The help lists every sprite flag with its range and default")
    func help() {
        let help = DGXPixels.helpMessage(for: GenerateCommand.self)
        for option in GenerateCommand.options { #expect(help.contains(option.flag), "\(option.flag)") }
        #expect(help.contains("--steps <1-150>"))
        #expect(help.contains("--outline / --no-outline"))
    }

    @Test("process --palette pico-8 with the default style outlines in a pico-8 colour, not the style's palette's")
    func processOutlineFollowsPalette() throws {
        let command = try #require(
            try DGXPixels.parseAsRoot(["process", "in.png", "--palette", "pico-8", "-o", "out.png"]) as? ProcessCommand
        )
        let options = try command.pipelineOptions(Configuration(environment: ["HOME": "/tmp"]))
        let pico8 = try #require(Palette.named("pico-8"))
        let outline = try #require(options.outline)
        #expect(pico8.colors.contains(outline), "outline \(outline) is not in pico-8")
        #expect(outline != RGBA(24, 20, 37))
    }
}
