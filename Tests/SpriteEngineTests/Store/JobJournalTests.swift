import Foundation
import TestSupport
import Testing

@testable import SpriteEngine

@Suite("JobJournal: compaction while running, shared by several processes")
struct JobJournalTests {
    private func entry(_ event: JournalEntry.Event, _ job: String, item: Int? = nil) -> JournalEntry {
        var entry = JournalEntry(event, job: job)
        entry.item = item
        if event == .submitted { entry.requests = [] }
        return entry
    }

    @Test("Compaction drops closed jobs' lines and keeps every open job's")
    func compaction() throws {
        let directory = try TemporaryDirectory()
        let journal = JobJournal(url: directory.url.appendingPathComponent(JobJournal.fileName))
        for event: JournalEntry.Event in [.submitted, .finished, .closed] { try journal.append(entry(event, "done")) }
        for event: JournalEntry.Event in [.submitted, .finished] { try journal.append(entry(event, "open")) }
        try journal.compact()
        #expect(journal.entries().map(\.job) == ["open", "open"])
        #expect(journal.openJobs() == ["open"])
    }

    @Test("A journal replaced by another writer's compaction is reopened before the next append: no line is lost")
    func twoWriters() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent(JobJournal.fileName)
        let first = JobJournal(url: url)
        let second = JobJournal(url: url)
        try first.append(entry(.submitted, "a"))
        try second.append(entry(.submitted, "b"))
        try second.append(entry(.closed, "b"))
        try second.compact()  // replaces the file `first` has open
        try first.append(entry(.finished, "a", item: 0))
        try second.append(entry(.submitted, "c"))
        #expect(
            JobJournal(url: url).entries().map { "\($0.event)-\($0.job)" } == [
                "submitted-a", "finished-a", "submitted-c",
            ]
        )
    }

    @Test("compactIfLarge leaves a small journal alone and compacts one past the threshold")
    func threshold() throws {
        let directory = try TemporaryDirectory()
        let journal = JobJournal(url: directory.url.appendingPathComponent(JobJournal.fileName))
        try journal.append(entry(.submitted, "small"))
        try journal.append(entry(.closed, "small"))
        #expect(try journal.compactIfLarge() == false)
        var big = entry(.failed, "big", item: 0)
        big.error = String(repeating: "x", count: JobJournal.compactionThreshold)
        try journal.append(entry(.submitted, "big"))
        try journal.append(big)
        try journal.append(entry(.closed, "big"))
        #expect(try journal.compactIfLarge())
        #expect(journal.entries().isEmpty && journal.byteCount == 0)
    }
}
