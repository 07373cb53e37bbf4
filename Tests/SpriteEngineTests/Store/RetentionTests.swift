import Foundation
import Logging
import TestSupport
import Testing

@testable import SpriteEngine

@Suite("Retention: output.keep_days, output.keep_jobs, jobs prune")
struct RetentionTests {
    let now = JobRecord.date(ofID: "20261201-120000-000000") ?? Date()

    @Test("keep_jobs keeps the newest N, keep_days removes older ones, 0 turns a rule off, open jobs stay")
    func policy() {
        let ids = [
            "20261201-110000-aaaaaa", "20261130-110000-bbbbbb", "20261101-110000-cccccc", "20261001-110000-dddddd",
        ]
        #expect(
            RetentionPolicy(keepDays: 0, keepJobs: 2).expired(ids, protecting: [], now: now).sorted() == [
                "20261001-110000-dddddd", "20261101-110000-cccccc",
            ]
        )
        #expect(
            RetentionPolicy(keepDays: 10, keepJobs: 0).expired(ids, protecting: [], now: now).sorted() == [
                "20261001-110000-dddddd", "20261101-110000-cccccc",
            ]
        )
        #expect(
            RetentionPolicy(keepDays: 10, keepJobs: 1).expired(ids, protecting: ["20261001-110000-dddddd"], now: now)
                .sorted() == ["20261101-110000-cccccc", "20261130-110000-bbbbbb"]
        )
        #expect(RetentionPolicy(keepDays: 0, keepJobs: 0).expired(ids, protecting: [], now: now).isEmpty)
    }

    @Test("An engine's prune removes expired jobs but never an open one, drops cache entries whose file went")
    func prune() async throws {
        let directory = try TemporaryDirectory()
        var configuration = Configuration(environment: ["HOME": directory.path])
        configuration.output.directory = directory.url.appendingPathComponent("out")
        configuration.output.keepJobs = 2
        configuration.output.keepDays = 0
        let engine = GenerationEngine(
            configuration: configuration,
            generator: ProceduralGenerator(),
            logger: Logger(label: "t")
        )
        var ids: [String] = []
        for index in 0..<4 {
            var draft = SpriteDraft(prompt: "gem \(index)")
            draft[.size] = .int(16)
            draft[.seed] = .int(index)
            let record = try await engine.run(
                [try draft.resolve(with: configuration)],
                kind: "sprite",
                concurrency: 1,
                waitSeconds: 120,
                progress: .none
            )
            ids.append(record.id)
            try await Task.sleep(for: .milliseconds(1100))  // ids are stamped to the second
        }
        // An open job (left in the journal by a stopped server) older than all of them.
        var open = JournalEntry(.submitted, job: "20200101-000000-0a0a0a")
        open.requests = []
        try engine.journal.append(open)
        try FileManager.default.createDirectory(
            at: configuration.output.directory.appendingPathComponent("20200101-000000-0a0a0a"),
            withIntermediateDirectories: true
        )
        // A temp file a killed writer left behind.
        let stale = configuration.output.directory.appendingPathComponent(".journal.jsonl.tmp-999999-0")
        try Data("x".utf8).write(to: stale)

        let dry = await engine.applyRetention(dryRun: true)
        #expect(dry.removed.map(\.id).sorted() == [ids[0], ids[1]] && dry.dryRun)
        #expect(engine.store.jobIDs().count == 5)
        let report = await engine.applyRetention()
        #expect(report.removed.map(\.id).sorted() == [ids[0], ids[1]])
        #expect(report.freedBytes > 0 && report.cacheEntriesDropped == 2 && report.tempFilesRemoved == 1)
        #expect(Set(engine.store.jobIDs()) == [ids[2], ids[3], "20200101-000000-0a0a0a"])
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        // A pruned sprite is made again, not served from a dangling cache entry.
        var again = SpriteDraft(prompt: "gem 0")
        again[.size] = .int(16)
        again[.seed] = .int(0)
        let remade = try await engine.run(
            [try again.resolve(with: configuration)],
            kind: "sprite",
            concurrency: 1,
            waitSeconds: 120,
            progress: .none
        )
        #expect(remade.items.first?.sprite?.cached == nil)
    }
}
