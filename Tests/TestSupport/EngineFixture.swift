import Foundation
import Logging
import SpriteEngine

/// A scratch configuration (everything under a temporary directory) and the engines and requests tests build on it.
package struct EngineFixture: Sendable {
    package let directory: TemporaryDirectory
    package var configuration: Configuration

    /// - Parameter configure: Changes to the scratch configuration (its output directory is already set).
    /// - Throws: When the temporary directory cannot be made.
    package init(_ configure: (inout Configuration) -> Void = { _ in }) throws {
        directory = try TemporaryDirectory()
        var configuration = Configuration(environment: ["HOME": directory.path])
        configuration.output.directory = directory.url.appendingPathComponent("out")
        configure(&configuration)
        self.configuration = configuration
    }

    /// An engine on this configuration (the procedural engine unless told otherwise).
    package func engine(
        _ generator: any Generator = ProceduralGenerator(),
        logger: Logger = Logger(label: "test")
    )
        -> GenerationEngine
    {
        GenerationEngine(configuration: configuration, generator: generator, logger: logger)
    }

    /// A resolved request for `prompt`, with `configure` setting any other option.
    package func request(
        _ prompt: String,
        seed: Int? = 7,
        size: Int = 32,
        _ configure: (inout SpriteDraft) -> Void = { _ in }
    ) throws -> SpriteRequest {
        var draft = SpriteDraft(prompt: prompt)
        draft[.seed] = seed.map(OptionValue.int)
        draft[.size] = .int(size)
        configure(&draft)
        return try draft.resolve(with: configuration)
    }

    /// The output directory's job journal.
    package var journal: JobJournal {
        JobJournal(url: configuration.output.directory.appendingPathComponent(JobJournal.fileName))
    }
}
