import ArgumentParser
import Foundation
import SpriteEngine

/// `dgx-pixels batch PROMPT…`: many sprites in one job.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Generate many sprites in one job.",
        discussion: "Example: dgx-pixels batch \"red knight\" \"green slime\" \"gold coin\" --size 32"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: SpriteOptions
    @Argument(help: "Prompts, one sprite each.") var prompts: [String] = []
    @Option(
        name: .customLong("from"),
        help: "A text file with one prompt per line (blank lines and # comments skipped)."
    )
    var file: String?
    @Option(help: "How many sprites run at once.") var concurrency: Int?
    @Flag(help: "Print the result as JSON.") var json = false

    func run() async throws {
        let (configuration, _) = try global.bootstrap()
        let engine = EngineFactory.makeEngine(configuration)
        do {
            var all = prompts
            if let file {
                guard let text = try? String(contentsOfFile: GlobalOptions.absolute(file), encoding: .utf8) else {
                    throw SpriteEngineError.invalidArgument(field: "--from", message: "cannot read \(file)")
                }
                all += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            }
            guard !all.isEmpty else {
                throw SpriteEngineError.invalidArgument(field: "prompts", message: "give at least one prompt")
            }
            guard all.count <= configuration.limits.maxBatch else {
                throw SpriteEngineError.invalidArgument(
                    field: "prompts",
                    message: "\(all.count) prompts is over limits.max_batch (\(configuration.limits.maxBatch))"
                )
            }
            var names: [String: Int] = [:]
            let requests = try all.enumerated().map { index, prompt throws(SpriteEngineError) in
                var draft = options.draft(prompt: prompt)
                if let seed = options.seed { draft.seed = seed + index }
                var request = try draft.resolve(with: configuration, fieldPrefix: "prompts[\(index)].")
                names[request.name, default: 0] += 1
                if let count = names[request.name], count > 1 { request.name += "-\(count)" }
                return request
            }
            let (record, deployment) = try await JobRunner.run(
                requests,
                kind: "batch",
                engine: engine,
                concurrency: concurrency ?? configuration.generation.concurrency,
                deployTo: options.deployTo
            )
            if json {
                try Console.json(GenerateCommand.Output(job: record, deployment: deployment))
            } else {
                Console.out(JobRunner.describe(record, deployment: deployment))
                Console.out("job \(record.id): \(record.succeeded) made, \(record.failed) failed")
            }
            if record.failed > 0 { throw ExitCode.failure }
        } catch let error as SpriteEngineError {
            throw JobRunner.fail(error)
        }
    }
}
