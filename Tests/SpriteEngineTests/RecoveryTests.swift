import BevyAssets
import Foundation
import Logging
import TestSupport
import Testing

@testable import SpriteEngine

@Suite("Recovery after a stop: ownership, deploy targets, and lookups while it runs")
struct RecoveryTests {
    let fixture: EngineFixture
    var directory: TemporaryDirectory { fixture.directory }
    var journal: JobJournal { fixture.journal }

    init() throws {
        fixture = try EngineFixture()
    }

    func engine() -> GenerationEngine {
        fixture.engine(FakeGenerator())
    }

    func requests(_ prompts: [String]) throws -> [SpriteRequest] {
        try prompts.enumerated().map { index, prompt in
            try fixture.request(prompt, seed: index, size: 16) { $0[.category] = .text("item") }
        }
    }

    /// A job a killed server left: submitted by `owner`, with `finished` items already made.
    func leaveJob(_ id: String, _ prompts: [String], owner: ProcessIdentity, deployTo: String? = nil) throws {
        var submitted = JournalEntry(.submitted, job: id)
        submitted.kind = "batch"
        submitted.requests = try requests(prompts)
        submitted.deployTo = deployTo
        submitted.own(by: owner)
        try journal.append(submitted)
    }

    @Test("A job a live process owns is left to it; a dead owner's job is taken over, and the take-over journaled")
    func ownership() async throws {
        let alive = ProcessIdentity(pid: 1, started: ProcessIdentity.startTicks(of: 1))
        try leaveJob("20990101-000000-aaaaaa", ["coin"], owner: alive)
        try leaveJob("20990101-000000-bbbbbb", ["gem"], owner: ProcessIdentity(pid: 1, started: 1))  // pid reused
        let engine = engine()
        #expect(await engine.recover() == ["20990101-000000-bbbbbb"])
        let resumed = journal.entries().filter { $0.event == .resumed }
        #expect(resumed.map(\.job) == ["20990101-000000-bbbbbb"] && resumed.first?.owner == .current)
        #expect(try await engine.wait(for: "20990101-000000-bbbbbb", upTo: 30).status == .succeeded)
        #expect(engine.follower(of: "20990101-000000-aaaaaa") == .process(1))
    }

    @Test("A resumed job with deploy_to deploys what it made before the stop as well as the rest")
    func deployTargetSurvives() async throws {
        let project = directory.url.appendingPathComponent("game")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try Data("[package]\nname = \"g\"\n\n[dependencies]\nbevy = \"0.15\"\n".utf8)
            .write(to: project.appendingPathComponent("Cargo.toml"))
        // A first server made item 0, then died before deploying it.
        let first = engine()
        let made = try await first.run(
            try requests(["red gem"]),
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        let sprite = try #require(made.items.first?.sprite)
        let id = "20990101-000000-cccccc"
        try leaveJob(
            id,
            ["red gem", "blue gem", "green gem"],
            owner: ProcessIdentity(pid: 999_999, started: nil),
            deployTo: project.path
        )
        var finished = JournalEntry(.finished, job: id)
        finished.item = 0
        finished.sprite = sprite
        try journal.append(finished)

        let second = engine()
        await second.startRecovery()
        let record = try await second.wait(for: id, upTo: 30)  // waits for the replay, then the job
        #expect(record.status == .succeeded)
        let assets = project.appendingPathComponent("assets/sprites/item")
        for name in ["red-gem", "blue-gem", "green-gem"] {
            #expect(
                FileManager.default.fileExists(atPath: assets.appendingPathComponent(name + ".png").path),
                "\(name)"
            )
        }
        #expect(record.deployment?.report?.sprites.count == 3 && record.deployment?.errors.isEmpty == true)
        #expect(try engine().store.record(id: id)?.deployment?.report?.sprites.count == 3)
    }

    @Test("get_job on a job still being recovered waits for the replay instead of answering 'unknown job'")
    func lookupWaitsForReplay() async throws {
        try leaveJob("20990101-000000-dddddd", ["coin", "gem"], owner: ProcessIdentity(pid: 999_998, started: nil))
        let engine = engine()
        await engine.startRecovery()
        let record = try await engine.job("20990101-000000-dddddd")
        #expect(record.total == 2)
    }
}
