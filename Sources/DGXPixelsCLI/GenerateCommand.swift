import ArgumentParser
import BevyAssets
import SpriteEngine

/// `dgx-pixels generate PROMPT`: one sprite from the shell.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate one sprite.",
        discussion: "Example: dgx-pixels generate \"red knight\" --size 32 --seed 7 --category character"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: SpriteOptions
    @Argument(help: "What the sprite shows.") var prompt: String
    @Option(help: "File name without .png (default: from the prompt).") var name: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func run() async throws {
        let (configuration, _) = try global.bootstrap()
        let engine = EngineFactory.makeEngine(configuration)
        do {
            let request = try options.draft(prompt: prompt, name: name).resolve(with: configuration)
            let (record, deployment) = try await JobRunner.run(
                [request],
                kind: "sprite",
                engine: engine,
                concurrency: 1,
                deployTo: options.deployTo
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
