import Foundation
import TestSupport
import Testing

@testable import SpriteEngine

@Suite("Configuration")
struct ConfigurationTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../config/dgx-pixels.yaml").standardizedFileURL

    @Test("The shipped config/dgx-pixels.yaml parses to exactly the built-in defaults")
    func shippedFileMatchesDefaults() throws {
        let text = try String(contentsOf: Self.shipped, encoding: .utf8)
        let environment = ["HOME": "/home/test"]
        var parsed = try Configuration.parse(yaml: text, file: Self.shipped.path, environment: environment)
        parsed.source = nil
        #expect(parsed == Configuration(environment: environment))
    }

    @Test("An unknown key fails with its key path and the allowed keys")
    func unknownKey() {
        #expect {
            try Configuration.parse(yaml: "generation:\n  max_sise: 64\n", environment: [:])
        } throws: { error in
            let text = "\(error)"
            return text.contains("generation.max_sise") && text.contains("max_size")
        }
    }

    @Test("Reads bevy.backups_keep and bevy.remote_url, defaulting to 5 and Bevy's BRP address")
    func bevyBackupsAndRemote() throws {
        let defaults = try Configuration.parse(yaml: "", environment: [:])
        #expect(defaults.bevy.backupsKeep == 5 && defaults.bevy.remoteURL == "http://127.0.0.1:15702/")
        let set = try Configuration.parse(
            yaml: "bevy:\n  backups_keep: 0\n  remote_url: http://127.0.0.1:9999/\n",
            environment: [:]
        )
        #expect(set.bevy.backupsKeep == 0 && set.bevy.remoteURL == "http://127.0.0.1:9999/")
    }

    @Test("A bad value fails with the key path and what was expected")
    func badValues() {
        let cases = [
            ("generation:\n  max_size: big\n", "generation.max_size", "integer"),
            ("engine: gpu\n", "engine", "auto"),
            ("styles:\n  retro:\n    palette: rainbow\n", "styles.retro.palette", "palette name"),
            ("styles:\n  retro:\n    colors: 1000\n", "styles.retro.colors", "2 to 256"),
            ("bevy:\n  on_conflict: merge\n", "bevy.on_conflict", "overwrite"),
            ("bevy:\n  backups_keep: -1\n", "bevy.backups_keep", "0"),
            ("bevy:\n  remote_url: localhost:15702\n", "bevy.remote_url", "http://"),
            ("output:\n  dir: relative/path\n", "output.dir", "absolute"),
            ("generation:\n  default_style: nope\n", "generation.default_style", "nope"),
        ]
        for (yaml, keyPath, expected) in cases {
            #expect {
                try Configuration.parse(yaml: yaml, environment: [:])
            } throws: { error in
                let text = "\(error)"
                return text.contains(keyPath) && text.contains(expected)
            }
        }
    }

    @Test("A style in the file overrides only the fields it sets")
    func styleOverride() throws {
        let configuration = try Configuration.parse(
            yaml: "styles:\n  8bit:\n    size: 24\n  mono:\n    palette: ['#000000', '#ffffff']\n",
            environment: [:]
        )
        #expect(configuration.styles["8bit"]?.size == SpriteSize(square: 24))
        #expect(configuration.styles["8bit"]?.palette?.name == "nes")
        #expect(configuration.styles["mono"]?.palette?.colors.count == 2)
    }

    @Test("Lookup order: --config, then $DGX_PIXELS_CONFIG, then ./dgx-pixels.yaml, then XDG config")
    func lookupOrder() throws {
        let directory = try TemporaryDirectory()
        try directory.write("generation:\n  concurrency: 2\n", to: "dgx-pixels.yaml")
        try directory.write("generation:\n  concurrency: 3\n", to: "xdg/dgx-pixels/config.yaml")
        try directory.write("generation:\n  concurrency: 5\n", to: "explicit.yaml")
        let environment = ["HOME": directory.path, "XDG_CONFIG_HOME": directory.path + "/xdg"]
        let here = ConfigurationLoader(environment: environment, currentDirectory: directory.url)
        #expect(try here.load().generation.concurrency == 2)
        #expect(try here.load(explicitPath: "explicit.yaml").generation.concurrency == 5)
        let elsewhere = ConfigurationLoader(
            environment: environment,
            currentDirectory: directory.url.appendingPathComponent("xdg")
        )
        #expect(try elsewhere.load().generation.concurrency == 3)
        var withVariable = environment
        withVariable["DGX_PIXELS_CONFIG"] = directory.path + "/explicit.yaml"
        #expect(
            try ConfigurationLoader(environment: withVariable, currentDirectory: directory.url).load().generation
                .concurrency == 5
        )
        #expect(throws: SpriteEngineError.self) { try here.load(explicitPath: "missing.yaml") }
    }

    @Test("Environment variables override the file, and bad ones are refused by name")
    func environmentOverrides() throws {
        let directory = try TemporaryDirectory()
        let environment = [
            "HOME": directory.path, "DGX_PIXELS_OUTPUT_DIR": "/tmp/sprites-out", "DGX_PIXELS_MAX_BATCH": "7",
            "DGX_PIXELS_ENGINE": "procedural",
        ]
        let configuration = try ConfigurationLoader(environment: environment, currentDirectory: directory.url).load()
        #expect(configuration.output.directory.path == "/tmp/sprites-out")
        #expect(configuration.limits.maxBatch == 7)
        #expect(configuration.engine == .procedural)
        let bad = ConfigurationLoader(
            environment: ["HOME": directory.path, "DGX_PIXELS_MAX_BATCH": "lots"],
            currentDirectory: directory.url
        )
        #expect { try bad.load() } throws: { "\($0)".contains("DGX_PIXELS_MAX_BATCH") }
    }

    @Test("The default output directory is under the user's data directory, never the working directory")
    func defaultOutputDirectory() {
        #expect(
            Configuration(environment: ["HOME": "/home/ada"]).output.directory.path
                == "/home/ada/.local/share/dgx-pixels/sprites"
        )
        #expect(
            Configuration(environment: ["HOME": "/home/ada", "XDG_DATA_HOME": "/data"]).output.directory.path
                == "/data/dgx-pixels/sprites"
        )
    }
}

@Suite("Batch spec files")
struct BatchSpecTests {
    @Test("Shared options, plain and detailed items, deploy target and concurrency are read")
    func parses() throws {
        let spec = try BatchSpec.parse(
            yaml: """
                style: pico8
                size: 16
                steps: 8
                deploy_to: ../game
                concurrency: 3
                items:
                  - green slime
                  - prompt: red knight
                    name: knight
                    seed: 7
                    palette: ["#000000", "#ffffff"]
                """,
            file: "spec.yaml"
        )
        let shared = spec.batch.shared
        #expect(shared[.style] == .text("pico8") && shared[.size] == .int(16) && shared[.steps] == .int(8))
        #expect(spec.deployTo == "../game" && spec.concurrency == 3)
        #expect(spec.batch.items.map { $0.draft[.prompt] } == [.text("green slime"), .text("red knight")])
        #expect(spec.batch.items[1].draft[.name] == .text("knight") && spec.batch.items[1].draft[.seed] == .int(7))
        #expect(spec.batch.items[1].draft[.palette] == .list(["#000000", "#ffffff"]))
        #expect(spec.batch.items[1].field == "items[1]")
    }

    @Test("An unknown key names its path; a spec without items is refused")
    func errors() {
        #expect {
            _ = try BatchSpec.parse(yaml: "items:\n  - prompt: x\n    colour: red\n", file: "s.yaml")
        } throws: { error in
            "\(error)".contains("'items[0].colour'") && "\(error)".contains("unknown key")
        }
        #expect {
            _ = try BatchSpec.parse(yaml: "style: pico8\n", file: "s.yaml")
        } throws: { error in
            "\(error)".contains("'items'")
        }
    }
}
