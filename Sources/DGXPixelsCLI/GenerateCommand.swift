import ArgumentParser
import BevyAssets
import SpriteEngine

/// `dgx-pixels generate PROMPT [--option value]…`: one sprite from the shell.
struct GenerateCommand: AsyncParsableCommand {
    /// The sprite options `generate` takes: every option but the prompt, which is the positional argument.
    static let options = SpriteOption.all.filter { $0.key != SpriteOption.prompt.key }

    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate one sprite.",
        discussion: """
            Example: dgx-pixels generate "red knight" --size 32 --seed 7 --category character

            Sprite options (the generate_sprite tool's arguments):
            \(SpriteFlags.help(for: options))
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("deploy-to"), help: "Bevy project to deploy into once made.") var deployTo: String?
    @Flag(help: "Print the result as JSON.") var json = false
    @Argument(parsing: .allUnrecognized, help: "The prompt (what the sprite shows), then sprite options.")
    var words: [String] = []

    /// The draft the words describe: one prompt and the options given.
    func draft() throws(ValidationError) -> SpriteDraft {
        let flags = try SpriteFlags.parse(words, options: Self.options)
        guard flags.positionals.count == 1, let prompt = flags.positionals.first else {
            throw ValidationError(
                flags.positionals.isEmpty
                    ? "Give the prompt: dgx-pixels generate \"red knight\""
                    : "Give one prompt (quote it), got \(flags.positionals.count) words: \(flags.positionals)"
            )
        }
        var draft = flags.draft
        draft[.prompt] = .text(prompt)
        return draft
    }

    func validate() throws {
        _ = try draft()
    }

    func run() async throws {
        let (configuration, _) = try global.bootstrap()
        let engine = EngineFactory.makeEngine(configuration)
        do {
            let request = try draft().resolve(with: configuration)
            let (record, deployment) = try await JobRunner.run(
                [request],
                kind: "sprite",
                engine: engine,
                concurrency: 1,
                deployTo: deployTo
            )
            if json {
                try Console.json(Output(job: record, deployment: deployment))
            } else {
                Console.out(JobRunner.describe(record, deployment: deployment))
            }
            if record.failed > 0 { throw ExitCode.failure }
        } catch let error as SpriteEngineError {
            throw JobRunner.fail(error)
        }
    }

    /// `--json` output.
    struct Output: Encodable {
        var job: JobRecord
        var deployment: DeployReport?
    }
}
