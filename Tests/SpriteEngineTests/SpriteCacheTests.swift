import Foundation
import Logging
import PixelArt
import TestSupport
import Testing

@testable import SpriteEngine

@Suite("Sprite cache")
struct SpriteCacheTests {
    let fixture: EngineFixture
    var configuration: Configuration { fixture.configuration }

    init() throws {
        fixture = try EngineFixture()
    }

    func run(_ engine: GenerationEngine, _ configure: (inout SpriteDraft) -> Void) async throws -> SpriteResult {
        let request = try fixture.request("red knight", seed: 11, size: 32, configure)
        let record = try await engine.run([request], kind: "sprite", concurrency: 1, waitSeconds: 120, progress: .none)
        return try #require(record.items.first?.sprite)
    }

    @Test("The same request and seed is a cache hit: same bytes, its own file in the new job, cached: true")
    func hit() async throws {
        let generator = CountingGenerator()
        let engine = GenerationEngine(configuration: configuration, generator: generator, logger: Logger(label: "t"))
        let first = try await run(engine) { _ in }
        let second = try await run(engine) { $0[.name] = .text("knight_again") }
        #expect(first.cached == nil && second.cached == true)
        #expect(second.contentHash == first.contentHash && second.seed == first.seed)
        #expect(second.jobID != first.jobID)
        #expect(second.path.hasSuffix("/\(second.jobID)/knight_again.png"))
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: second.path))
                == Data(contentsOf: URL(fileURLWithPath: first.path))
        )
        #expect(generator.calls == 1)
    }

    @Test("force, another seed or another option each make the sprite anew")
    func misses() async throws {
        let generator = CountingGenerator()
        let engine = GenerationEngine(configuration: configuration, generator: generator, logger: Logger(label: "t"))
        _ = try await run(engine) { _ in }
        #expect(try await run(engine) { $0[.force] = .flag(true) }.cached == nil)
        #expect(try await run(engine) { $0[.seed] = .int(12) }.cached == nil)
        #expect(try await run(engine) { $0[.outline] = .flag(false) }.cached == nil)
        #expect(generator.calls == 4)
    }

    @Test("A cache entry whose PNG is gone is a miss, not an error")
    func missingFile() async throws {
        let generator = CountingGenerator()
        let engine = GenerationEngine(configuration: configuration, generator: generator, logger: Logger(label: "t"))
        let first = try await run(engine) { _ in }
        try FileManager.default.removeItem(atPath: first.path)
        let again = try await run(engine) { _ in }
        #expect(again.cached == nil && again.contentHash == first.contentHash)
        #expect(generator.calls == 2)
    }
}

/// The procedural generator, counting how often it is asked to draw.
final class CountingGenerator: Generator, @unchecked Sendable {
    // Unchecked: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0
    private let inner = ProceduralGenerator()

    var calls: Int { lock.withLock { count } }
    var engineName: String { inner.engineName }

    func cacheIdentity(for request: SpriteRequest, seed: UInt64) async -> String? {
        await inner.cacheIdentity(for: request, seed: seed)
    }

    func generate(
        _ request: SpriteRequest,
        seed: UInt64,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws -> GeneratedImage {
        lock.withLock { count += 1 }
        return try await inner.generate(request, seed: seed, progress: progress, prompts: prompts)
    }
}
