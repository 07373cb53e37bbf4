import Foundation
import Logging
import PixelArt
import TestSupport
import Testing

@testable import SpriteEngine

@Suite("Generation engine")
struct GenerationEngineTests {
    let fixture: EngineFixture
    var directory: TemporaryDirectory { fixture.directory }
    var configuration: Configuration { fixture.configuration }

    init() throws {
        fixture = try EngineFixture()
    }

    func engine(_ generator: any Generator = ProceduralGenerator()) -> GenerationEngine {
        fixture.engine(generator)
    }

    func request(_ prompt: String, seed: Int? = 7, size: Int = 32) throws -> SpriteRequest {
        try fixture.request(prompt, seed: seed, size: size)
    }

    @Test("A sprite is written as a valid PNG under <output_dir>/<job-id>/<name>.png and reported")
    func generatesOne() async throws {
        let record = try await engine().run(
            [request("red knight")],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        #expect(record.status == .succeeded)
        let sprite = try #require(record.items.first?.sprite)
        #expect(sprite.path == configuration.output.directory.path + "/\(record.id)/red-knight.png")
        #expect(sprite.engine == "procedural")
        #expect(sprite.seed == 7)
        #expect(sprite.validation.valid)
        let png = try Data(contentsOf: URL(fileURLWithPath: sprite.path))
        let image = try PNGCodec.decode(png)
        #expect(image.width == 32 && image.height == 32)
        #expect(image.colorCount == sprite.colorsUsed)
        #expect(sprite.contentHash == "sha256:" + SHA256.hex(png))
    }

    @Test("The same prompt, seed and options give byte-identical PNGs")
    func deterministic() async throws {
        let first = try await engine().run(
            [request("gold coin")],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        let second = try await engine().run(
            [request("gold coin")],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        let a = try Data(contentsOf: URL(fileURLWithPath: try #require(first.items[0].sprite?.path)))
        let b = try Data(contentsOf: URL(fileURLWithPath: try #require(second.items[0].sprite?.path)))
        #expect(a == b)
        let other = try await engine().run(
            [request("gold coin", seed: 8)],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: try #require(other.items[0].sprite?.path))) != a)
    }

    @Test("Without a seed the engine picks one and reports it, so the sprite can be made again")
    func reportsPickedSeed() async throws {
        let record = try await engine().run(
            [request("blue ship", seed: nil)],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        let seed = try #require(record.items[0].sprite?.seed)
        let again = try await engine().run(
            [request("blue ship", seed: Int(seed))],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        #expect(again.items[0].sprite?.contentHash == record.items[0].sprite?.contentHash)
    }

    @Test("One failed batch item never loses the others; results stay in input order")
    func batchKeepsSuccesses() async throws {
        let requests = try ["one", "please fail", "three", "four"].map { try request($0) }
        let record = try await engine(FakeGenerator()).run(
            requests,
            kind: "batch",
            concurrency: 2,
            waitSeconds: 120,
            progress: .none
        )
        #expect(record.status == .partial)
        #expect(record.succeeded == 3 && record.failed == 1)
        #expect(record.items.map(\.status) == [.succeeded, .failed, .succeeded, .succeeded])
        #expect(record.items[1].error?.contains("asked to fail") == true)
        for item in record.items where item.status == .succeeded {
            #expect(FileManager.default.fileExists(atPath: try #require(item.sprite?.path)))
        }
    }

    @Test("Past wait_seconds a call answers 'running' with the job id, and get_job follows the job")
    func waitRunsOut() async throws {
        let engine = engine(FakeGenerator())
        let record = try await engine.run(
            [request("hang forever")],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 0.05,
            progress: .none
        )
        #expect(record.status == .running)
        #expect(try await engine.job(record.id).status == .running)
        await engine.cancel(record.id)
        let finished = try await engine.wait(for: record.id, upTo: 5)
        #expect(finished.status == .cancelled)
    }

    @Test("A finished job's record is answered by a new engine (after a restart)")
    func recordSurvivesRestart() async throws {
        let record = try await engine().run(
            [request("green slime")],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        let restarted = engine()
        #expect(try await restarted.job(record.id) == record)
        await #expect(throws: SpriteEngineError.unknownJob("20990101-000000-abcdef")) {
            try await restarted.job("20990101-000000-abcdef")
        }
    }

    @Test("A long-running engine keeps only its newest finished jobs in memory; older ones answer from disk")
    func forgetsOldJobs() async throws {
        let engine = engine()
        var ids: [String] = []
        for index in 0..<(JobTable.finishedKept + 4) {
            let record = try await engine.run(
                [request("coin \(index)")],
                kind: "sprite",
                concurrency: 1,
                waitSeconds: 120,
                progress: .none
            )
            ids.append(record.id)
        }
        let inMemory = await engine.recentJobs(limit: 1000).map(\.id)
        #expect(inMemory.count == JobTable.finishedKept)
        #expect(!inMemory.contains(ids[0]) && inMemory.contains(ids.last ?? ""))
        #expect(try await engine.job(ids[0]).status == .succeeded)
    }

    @Test("Batch progress counts items done plus running items' fractions, and never goes backwards")
    func batchProgress() async throws {
        let events = EventLog()
        let reporter = ProgressReporter { await events.append($0) }
        let requests = try (0..<6).map { try request("item \($0)") }
        _ = try await engine(FakeGenerator()).run(
            requests,
            kind: "batch",
            concurrency: 3,
            waitSeconds: 120,
            progress: reporter
        )
        let values = await events.events.map(\.progress)
        #expect(values == values.sorted() && Set(values).count == values.count, "strictly increasing: \(values)")
        #expect(values.last == 6)
        #expect(values.allSatisfy { $0 > 0 && $0 <= 6 })
        #expect(await events.events.allSatisfy { $0.total == 6 })
        #expect(await events.events.contains { $0.message.contains("done;") })
    }

    @Test("A sprite:// URI resolves only to stored sprites")
    func uriResolution() async throws {
        let record = try await engine().run(
            [request("gold coin")],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        let uri = try #require(record.items[0].sprite?.uri)
        let store = SpriteStore(root: configuration.output.directory)
        #expect(try store.file(for: uri).lastPathComponent == "gold-coin.png")
        for bad in [
            "sprite://\(record.id)/../../etc/passwd", "sprite://x/y.png", "file:///etc/passwd",
            "sprite://\(record.id)/missing.png",
        ] {
            #expect(throws: SpriteEngineError.self) { try store.file(for: bad) }
        }
    }

    @Test("validate applies the naming rule to the file's name: a warning, so the sprite stays valid")
    func validateNaming() throws {
        let png = try PNGCodec.encode(RGBAImage(width: 8, height: 8, fill: RGBA(1, 2, 3)))
        let good = directory.url.appendingPathComponent("coin_1.png")
        let bad = directory.url.appendingPathComponent("Gold Coin.png")
        try png.write(to: good)
        try png.write(to: bad)
        let engine = engine()
        let limits = engine.configuration.validationLimits
        #expect(try engine.store.validate(good.path, limits: limits).1.issues.isEmpty)
        let report = try engine.store.validate(bad.path, limits: limits).1
        #expect(report.codes == ["bad_name"] && report.valid)
    }
}

/// Collects progress events in order.
actor EventLog {
    var events: [ProgressReporter.Event] = []

    func append(_ event: ProgressReporter.Event) {
        events.append(event)
    }
}

@Suite("Deploying a batch as it goes")
struct RollingDeployTests {
    @Test("Each finished item is deployed while the others still run; failures and hangs do not block it")
    func deploysAsItemsFinish() async throws {
        let directory = try TemporaryDirectory()
        var configuration = Configuration(environment: ["HOME": directory.path])
        configuration.output.directory = directory.url.appendingPathComponent("out")
        let project = directory.url.appendingPathComponent("game")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try Data("[package]\nname = \"game\"\n\n[dependencies]\nbevy = \"0.15\"\n".utf8)
            .write(to: project.appendingPathComponent("Cargo.toml"))
        let engine = GenerationEngine(
            configuration: configuration,
            generator: FakeGenerator(),
            logger: .init(label: "t")
        )
        let requests = try ["red gem", "blue gem", "hang forever"].map { prompt in
            var draft = SpriteDraft(prompt: prompt)
            draft[.size] = .int(16)
            draft[.category] = .text("item")
            return try draft.resolve(with: configuration)
        }
        let id = await engine.start(requests, kind: "batch", concurrency: 3, progress: .none, deployTo: project.path)
        let assets = project.appendingPathComponent("assets/sprites/item")
        let deadline = ContinuousClock.now + .seconds(90)
        while (try await engine.job(id).deployment?.report?.sprites.count ?? 0) < 2, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        // The job is still running (one item hangs), yet the finished two are in the game already.
        let snapshot = try await engine.job(id)
        #expect(snapshot.status == .running, "\(snapshot)")
        #expect(
            FileManager.default.fileExists(atPath: assets.appendingPathComponent("red-gem.png").path),
            "\(snapshot.items.map { "\($0.status) \($0.error ?? "")" })"
        )
        #expect(FileManager.default.fileExists(atPath: assets.appendingPathComponent("blue-gem.png").path))
        let errors = try await engine.job(id).deployment?.errors
        #expect(errors?.isEmpty == true, "\(errors ?? [])")
        await engine.cancel(id)
        _ = try await engine.wait(for: id, upTo: 10)
    }
}
