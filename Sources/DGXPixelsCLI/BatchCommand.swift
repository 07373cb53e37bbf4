import ArgumentParser
import BevyAssets
import Foundation
import SpriteEngine

/// `dgx-pixels batch PROMPT…` or `dgx-pixels batch spec.yaml`: many sprites in one job.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Generate many sprites in one job.",
        discussion: """
            Examples:
              dgx-pixels batch "red knight" "green slime" "gold coin" --size 32
              dgx-pixels batch sprites.yaml          (items, shared options, deploy_to: see docs/tools.md)
              dgx-pixels batch --resume 20261123-203512-a1b2c3   (finish a job an earlier run left open)
            A progress bar is drawn on stderr when it is a terminal; plain lines otherwise.
            """
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
    @Option(help: "Finish the job with this id from the journal (items already made are kept).") var resume: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func run() async throws {
        let (configuration, _) = try global.bootstrap()
        let engine = EngineFactory.makeEngine(configuration)
        do {
            if let resume {
                guard await engine.recover(only: resume) == [resume] else {
                    throw SpriteEngineError.invalidArgument(
                        field: "--resume",
                        message: "no open job '\(resume)' in \(engine.store.root.path)/journal.jsonl "
                            + "(finished jobs are in `dgx-pixels jobs list`)"
                    )
                }
                let record = try await JobRunner.wait(for: resume, engine: engine)
                try report(record, deployment: nil)
                return
            }
            var deployTo = options.deployTo
            var requestedConcurrency = concurrency
            let requests: [SpriteRequest]
            if prompts.count == 1, let spec = prompts.first, spec.hasSuffix(".yaml") || spec.hasSuffix(".yml") {
                let path = GlobalOptions.absolute(spec)
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw SpriteEngineError.invalidArgument(field: "spec", message: "cannot read \(path)")
                }
                let parsed = try BatchSpec.parse(yaml: text, file: path)
                deployTo =
                    deployTo
                    ?? parsed.deployTo.map { spec in
                        spec.hasPrefix("/") || spec.hasPrefix("~")
                            ? spec
                            : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(spec).path
                    }
                requestedConcurrency = requestedConcurrency ?? parsed.concurrency
                requests = try resolve(parsed.items, shared: parsed.shared, configuration: configuration)
            } else {
                requests = try resolve(try promptDrafts(), shared: nil, configuration: configuration)
            }
            let (record, deployment) = try await JobRunner.run(
                requests,
                kind: "batch",
                engine: engine,
                concurrency: requestedConcurrency ?? configuration.generation.concurrency,
                deployTo: deployTo
            )
            try report(record, deployment: deployment)
        } catch let error as SpriteEngineError {
            throw JobRunner.fail(error)
        }
    }

    private func report(_ record: JobRecord, deployment: DeployReport?) throws {
        if json {
            try Console.json(GenerateCommand.Output(job: record, deployment: deployment))
        } else {
            Console.out(JobRunner.describe(record, deployment: deployment))
            Console.out("job \(record.id): \(record.succeeded) made, \(record.failed) failed")
        }
        if record.failed > 0 || !record.status.isFinished { throw ExitCode.failure }
    }

    /// One draft per prompt given on the command line or in `--from`, with the command's options.
    private func promptDrafts() throws(SpriteEngineError) -> [SpriteDraft] {
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
        return all.map { options.draft(prompt: $0) }
    }

    /// Resolves every item (shared options and command-line flags fill what an item leaves unset), checking the
    /// batch limit first so nothing is queued for a batch that is too large.
    private func resolve(
        _ drafts: [SpriteDraft],
        shared: SpriteDraft?,
        configuration: Configuration
    ) throws(SpriteEngineError) -> [SpriteRequest] {
        guard drafts.count <= configuration.limits.maxBatch else {
            throw SpriteEngineError.invalidArgument(
                field: "items",
                message: "\(drafts.count) items is over limits.max_batch (\(configuration.limits.maxBatch))"
            )
        }
        let flags = options.draft(prompt: "")
        var names: [String: Int] = [:]
        return try drafts.enumerated().map { index, item throws(SpriteEngineError) in
            var draft = item
            if let shared { draft.inherit(from: shared) }
            draft.inherit(from: flags)
            if draft.seed == nil, let seed = shared?.seed ?? options.seed { draft.seed = seed + index }
            var request = try draft.resolve(with: configuration, fieldPrefix: "items[\(index)].")
            names[request.name, default: 0] += 1
            if let count = names[request.name], count > 1 { request.name += "-\(count)" }
            return request
        }
    }
}
