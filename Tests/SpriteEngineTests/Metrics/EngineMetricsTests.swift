import Foundation
import Logging
import Metrics
import MetricsTestKit
import TestSupport
import Testing

@testable import SpriteEngine

@Suite("EngineMetrics: what the engine counts as it works")
struct EngineMetricsTests {
    @Test("A job counts its items, times what was generated, and counts a cache hit the second time")
    func jobsAndCache() async throws {
        let directory = try TemporaryDirectory()
        var configuration = Configuration(environment: ["HOME": directory.path])
        configuration.output.directory = directory.url.appendingPathComponent("out")
        let engine = GenerationEngine(
            configuration: configuration,
            generator: ProceduralGenerator(),
            logger: Logger(label: "test")
        )
        // The same sprite under two file names: one cache entry (the key leaves the name out).
        let requests = try ["coin-a", "coin-b"].map { name in
            var draft = SpriteDraft(prompt: "gold coin")
            draft[.seed] = .int(3)
            draft[.size] = .int(16)
            draft[.name] = .text(name)
            return try draft.resolve(with: configuration)
        }
        let metrics = TestMetrics()
        try await withMetricsFactory(metrics) {
            for _ in 0..<2 {
                let record = try await engine.run(
                    requests,
                    kind: "batch",
                    concurrency: 1,
                    waitSeconds: 120,
                    progress: .none
                )
                #expect(record.status == .succeeded)
            }
        }
        #expect(metrics.counterTotal(label: EngineMetrics.jobs, dimensions: [("status", "succeeded")]) == 2)
        let made = metrics.counterTotal(
            label: EngineMetrics.items,
            dimensions: [("engine", "procedural"), ("status", "succeeded")]
        )
        let cached = metrics.counterTotal(
            label: EngineMetrics.items,
            dimensions: [("engine", "procedural"), ("status", "cached")]
        )
        // The first item of the first job makes the sprite; the three after it are the same request: cache hits.
        #expect(made == 1 && cached == 3)
        #expect(metrics.counterTotal(label: EngineMetrics.cacheMisses) == 1)
        #expect(metrics.counterTotal(label: EngineMetrics.cacheHits) == 3)
        let timed = metrics.timers(
            label: EngineMetrics.generation,
            dimensions: [("engine", "procedural"), ("backend", "local")]
        )
        #expect(timed.flatMap(\.values).count == 1)
    }

    @Test("A failed item is counted by the engine's name; an invalid sprite is a validation failure at generate")
    func failures() {
        let metrics = TestMetrics()
        withMetricsFactory(metrics) {
            EngineMetrics.itemFinished(
                .failure(.invalidSprite(path: "x.png", issues: ["too many colours"])),
                engine: "auto"
            )
            EngineMetrics.itemFinished(.failure(.cancelled), engine: "auto")
            EngineMetrics.deployFinished(status: "failed")
            EngineMetrics.session(opened: true, transport: "http")
            EngineMetrics.session(opened: true, transport: "http")
            EngineMetrics.session(opened: false, transport: "http")
        }
        #expect(
            metrics.counterTotal(label: EngineMetrics.items, dimensions: [("engine", "auto"), ("status", "failed")])
                == 1
        )
        #expect(
            metrics.counterTotal(label: EngineMetrics.items, dimensions: [("engine", "auto"), ("status", "cancelled")])
                == 1
        )
        #expect(metrics.counterTotal(label: EngineMetrics.validationFailures, dimensions: [("stage", "generate")]) == 1)
        #expect(metrics.counterTotal(label: EngineMetrics.deploys, dimensions: [("status", "failed")]) == 1)
        let sessions = metrics.meters(label: EngineMetrics.sessions, dimensions: [("transport", "http")])
        #expect(sessions.last?.lastValue == 1)
    }

    @Test("Every name is dgx_pixels_…, unique, and every timer has buckets")
    func names() {
        #expect(EngineMetrics.names.allSatisfy { $0.hasPrefix("dgx_pixels_") })
        #expect(Set(EngineMetrics.names).count == EngineMetrics.names.count)
        #expect(Set(EngineMetrics.histogramBuckets.keys) == [EngineMetrics.generation, EngineMetrics.requests])
    }
}
