import ComfyUI
import ComfyUIStandIn
import Foundation
import Logging
import Testing

@testable import SpriteEngine

@Suite("Job journal and recovery")
struct JournalRecoveryTests {
    func entries(_ harness: ComfyUIHarness) -> [JournalEntry] {
        JobJournal(url: harness.configuration.output.directory.appendingPathComponent(JobJournal.fileName)).entries()
    }

    func waitForFinished(_ harness: ComfyUIHarness, atLeast count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while entries(harness).filter({ $0.event == .finished }).count < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test("on_shutdown leave: the next engine finishes the job from the journal, painting nothing twice")
    func leaveThenResume() async throws {
        let standIn = try await ComfyUIStandIn.start(
            .init(defaultBehaviour: Behaviour(steps: 3, stepDelay: .milliseconds(40)))
        )
        defer { Task { await standIn.shutdown() } }
        var harness = try ComfyUIHarness(backends: [standIn])
        harness.configuration.generation.onShutdown = .leave
        let first = harness.engine()
        let requests = try (0..<5).map { try harness.request("barrel \($0)", seed: $0) }
        let id = await first.start(requests, kind: "batch", concurrency: 4, progress: .none)
        try await waitForFinished(harness, atLeast: 1)
        await first.shutdown()
        #expect(standIn.interruptRequests.isEmpty && standIn.deleteRequests.isEmpty)
        #expect(
            !entries(harness).contains { $0.event == .closed || $0.event == .cancelled },
            "\(entries(harness).map { "\($0.event) \($0.item ?? -1) \($0.error ?? "")" })"
        )

        let second = harness.engine()
        #expect(await second.recover() == [id])
        let record = try await second.wait(for: id, upTo: 30)
        #expect(record.status == .succeeded, "\(record)")
        #expect(standIn.executedCount == 5)
        #expect(entries(harness).filter { $0.event == .finished }.compactMap(\.item).sorted() == [0, 1, 2, 3, 4])
        #expect(entries(harness).last?.event == .closed)
        #expect(await harness.engine().recover().isEmpty)
        await second.shutdown()
    }

    @Test("on_shutdown cancel: running prompts are interrupted, pending ones dequeued, and the journal says so")
    func cancelOnShutdown() async throws {
        let standIn = try await ComfyUIStandIn.start(.init(defaultBehaviour: .hanging))
        defer { Task { await standIn.shutdown() } }
        var harness = try ComfyUIHarness(backends: [standIn])
        harness.configuration.generation.onShutdown = .cancel
        let engine = harness.engine()
        let id = await engine.start(
            [try harness.request("a"), try harness.request("b")],
            kind: "batch",
            concurrency: 2,
            progress: .none
        )
        while standIn.submittedPrompts.count < 2 || standIn.runningPromptID == nil {
            try await Task.sleep(for: .milliseconds(10))
        }
        let running = try #require(standIn.runningPromptID)
        await engine.shutdown()
        #expect(standIn.interruptRequests.contains(running))
        #expect(standIn.runningPromptID == nil)
        #expect(standIn.pendingPromptIDs.isEmpty)
        let journal = entries(harness)
        #expect(journal.filter { $0.event == .cancelled }.count == 2)
        #expect(journal.last?.event == .closed && journal.last?.status == "cancelled")
        #expect(await harness.engine().recover().isEmpty)
        #expect(try engine.store.record(id: id)?.status == .cancelled)
    }

    @Test("A torn last line is skipped; the job resumes without remaking the item that finished")
    func tornLastLine() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let harness = try ComfyUIHarness(backends: [standIn])
        let requests = try (0..<3).map { try harness.request("gem \($0)", seed: $0) }
        // A first run that finished item 0 and was killed while writing the next line.
        let earlier = harness.engine()
        let id = await earlier.start([requests[0]], kind: "batch", concurrency: 1, progress: .none)
        let done = try await earlier.wait(for: id, upTo: 30)
        let sprite = try #require(done.items.first?.sprite)
        let url = harness.configuration.output.directory.appendingPathComponent(JobJournal.fileName)
        let journal = JobJournal(url: url)
        try FileManager.default.removeItem(at: url)
        var submitted = JournalEntry(.submitted, job: id)
        submitted.kind = "batch"
        submitted.requests = requests
        try journal.append(submitted)
        var finished = JournalEntry(.finished, job: id)
        finished.item = 0
        finished.sprite = sprite
        try journal.append(finished)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"event":"finished","item":1,"job":"\#(id)","spri"#.utf8))
        try handle.close()
        let executedBefore = standIn.executedCount

        let engine = harness.engine()
        #expect(await engine.recover() == [id])
        let record = try await engine.wait(for: id, upTo: 30)
        #expect(record.status == .succeeded, "\(record)")
        #expect(record.items[0].sprite == sprite)
        #expect(standIn.executedCount == executedBefore + 2)
        await engine.shutdown()
    }
}
