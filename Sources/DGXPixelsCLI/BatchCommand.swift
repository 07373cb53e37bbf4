import ArgumentParser
import BevyAssets
import Foundation
import SpriteEngine

/// `dgx-pixels batch PROMPT…` or `dgx-pixels batch spec.yaml`: many sprites in one job.
struct BatchCommand: AsyncParsableCommand {
    /// The sprite options `batch` takes: those a batch shares (not the per-sprite prompt and name).
    static let options = SpriteOption.all.filter { $0.scope == .shared }

    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Generate many sprites in one job.",
        discussion: """
            Examples:
              dgx-pixels batch "red knight" "green slime" "gold coin" --size 32
              dgx-pixels batch sprites.yaml          (items, shared options, deploy_to: see docs/tools.md)
              dgx-pixels batch --resume 20261123-203512-a1b2c3   (finish a job an earlier run left open)
            A progress bar is drawn on stderr when it is a terminal; plain lines otherwise.
            Options given here override the spec file's shared options; an item's own options win over both.
            With --seed S, item i without a seed of its own uses S + i.

            Sprite options (generate_batch's shared arguments):
            \(SpriteFlags.help(for: options))
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(
        name: .customLong("from"),
        help: "A text file with one prompt per line (blank lines and # comments skipped)."
    )
    var file: String?
    @Option(help: "How many sprites run at once.") var concurrency: Int?
    @Option(help: "Sprites per prompt, each with its own seed (1-16).") var variations: Int?
    @Option(name: .customLong("deploy-to"), help: "Bevy project to deploy every sprite into as it is made.")
    var deployTo: String?
    @Option(help: "Finish the job with this id from the journal (items already made are kept).") var resume: String?
    @Flag(help: "Print the result as JSON.") var json = false
    @Argument(parsing: .allUnrecognized, help: "Prompts (one sprite each) or one spec .yaml file, then sprite options.")
    var words: [String] = []

    /// What the command line describes: prompts or a spec file, and the flags' options.
    func flags() throws(ValidationError) -> SpriteFlags {
        try SpriteFlags.parse(words, options: Self.options)
    }

    func validate() throws {
        _ = try flags()
        if let variations, !BatchDraft.variationRange.contains(variations) {
            throw ValidationError("--variations must be from 1 to 16, got \(variations)")
        }
    }

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
            let (batch, spec) = try plan()
            let requests = try BatchPlanner.requests(for: batch, configuration: configuration)
            let (record, deployment) = try await JobRunner.run(
                requests,
                kind: "batch",
                engine: engine,
                concurrency: concurrency ?? spec?.concurrency ?? configuration.generation.concurrency,
                deployTo: deployTo ?? spec?.deployTo
            )
            try report(record, deployment: deployment)
        } catch let error as SpriteEngineError {
            throw JobRunner.fail(error)
        }
    }

    /// The batch: from a spec file (its shared options under the command line's), else from the prompts given.
    func plan() throws -> (BatchDraft, BatchSpec?) {
        let flags = try flags()
        if flags.positionals.count == 1, let spec = flags.positionals.first,
            spec.hasSuffix(".yaml") || spec.hasSuffix(".yml")
        {
            let path = GlobalOptions.absolute(spec)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw SpriteEngineError.invalidArgument(field: "spec", message: "cannot read \(path)")
            }
            var parsed = try BatchSpec.parse(yaml: text, file: path)
            parsed.deployTo = parsed.deployTo.map { target in
                target.hasPrefix("/") || target.hasPrefix("~")
                    ? target
                    : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(target).path
            }
            var shared = flags.draft
            shared.inherit(from: parsed.batch.shared)
            parsed.batch.shared = shared
            parsed.batch.variations = variations ?? parsed.batch.variations
            return (parsed.batch, parsed)
        }
        var prompts = flags.positionals
        if let file {
            guard let text = try? String(contentsOfFile: GlobalOptions.absolute(file), encoding: .utf8) else {
                throw SpriteEngineError.invalidArgument(field: "--from", message: "cannot read \(file)")
            }
            prompts += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        guard !prompts.isEmpty else {
            throw SpriteEngineError.invalidArgument(field: "prompts", message: "give at least one prompt")
        }
        let items = prompts.enumerated().map { index, prompt in
            BatchDraft.Item(draft: SpriteDraft(prompt: prompt), field: "prompts[\(index)]")
        }
        return (BatchDraft(shared: flags.draft, items: items, variations: variations), nil)
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
}
