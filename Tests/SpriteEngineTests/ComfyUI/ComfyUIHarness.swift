import ComfyUI
import ComfyUIStandIn
import Foundation
import Logging
import Synchronization
import TestSupport

@testable import SpriteEngine

/// An engine driving ComfyUI stand-ins, with fast polls and short backoffs, writing into a temporary folder.
struct ComfyUIHarness {
    let directory: TemporaryDirectory
    var configuration: Configuration

    /// The repository's `workflows/` folder.
    static let workflows = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../../workflows")
        .standardizedFileURL

    init(backends: [ComfyUIStandIn], engine: Configuration.EngineMode = .comfyui, slots: Int = 1) throws {
        try self.init(urls: backends.map(\.url), engine: engine, slots: slots)
    }

    /// An engine on the ComfyUI servers at `urls` (stand-ins or a real one).
    init(urls: [URL], engine: Configuration.EngineMode = .comfyui, slots: Int = 1) throws {
        directory = try TemporaryDirectory()
        var configuration = Configuration(environment: ["HOME": directory.path])
        configuration.output.directory = directory.url.appendingPathComponent("out")
        configuration.engine = engine
        configuration.comfyUI.backends = urls.map { url in
            .init(url: Configuration.normalizedBackendURL(url.absoluteString) ?? "", slots: slots)
        }
        configuration.comfyUI.workflow = "sd15-pixel-art"
        configuration.comfyUI.pollInterval = 0.05
        configuration.comfyUI.backoff = 0.1
        configuration.comfyUI.retries = 2
        configuration.comfyUI.requestTimeout = 5
        self.configuration = configuration
    }

    /// Backends listed by URL that nothing listens on.
    mutating func addDeadBackend() {
        configuration.comfyUI.backends.append(.init(url: "http://127.0.0.1:9"))
    }

    func engine() -> GenerationEngine {
        GenerationEngine(
            configuration: configuration,
            generator: GeneratorFactory.make(
                configuration,
                logger: Logger(label: "test.comfyui"),
                workflowDirectories: [Self.workflows]
            ),
            logger: Logger(label: "test.engine")
        )
    }

    /// A request painted small (128 px) so the stand-in and the pipeline stay fast.
    func request(
        _ prompt: String,
        seed: Int = 7,
        size: Int = 32,
        configure: (inout SpriteDraft) -> Void = { _ in }
    ) throws -> SpriteRequest {
        var draft = SpriteDraft(prompt: prompt)
        draft[.seed] = .int(seed)
        draft[.size] = .int(size)
        draft[.generationSize] = .int(128)
        configure(&draft)
        return try draft.resolve(with: configuration)
    }
}

/// Progress events a job reported, in order.
final class ProgressLog: Sendable {
    private let events = Mutex<[ProgressReporter.Event]>([])

    var all: [ProgressReporter.Event] { events.withLock { $0 } }
    var messages: [String] { all.map(\.message) }

    var reporter: ProgressReporter {
        ProgressReporter { event in self.events.withLock { $0.append(event) } }
    }
}
