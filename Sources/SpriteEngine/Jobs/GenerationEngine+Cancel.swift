import Foundation

/// Cancelling jobs from outside the process that runs them (`dgx-pixels jobs cancel`).
///
/// A job followed by a live server is cancelled by that server: the CLI drops a request file (`CancelWatcher`),
/// which the server checks every half second while the job runs. A job no live process follows (its server was
/// killed, or stopped with `on_shutdown: leave`) is cancelled here, from its journal: prompts it had sent are taken
/// off their ComfyUI backends, and its record is closed. Either way finished items are kept.
extension GenerationEngine {
    /// Where another process asks for job `id` to be cancelled.
    package nonisolated func cancelRequestURL(for id: String) -> URL {
        cancelWatcher.requestURL(for: id)
    }

    /// Who follows open job `id`.
    package enum Follower: Equatable, Sendable {
        /// No job `id` is open in the journal (finished, or never existed).
        case notOpen
        /// A live process, this one or another, runs the job.
        case process(Int32)
        /// Nobody: the job waits in the journal for a `serve` or `batch --resume`.
        case nobody
    }

    /// Who follows job `id`, from the journal and the process table.
    package nonisolated func follower(of id: String) -> Follower {
        guard let job = JournalReplay.openJobs(in: journal.entries()).first(where: { $0.id == id }) else {
            return .notOpen
        }
        if let owner = job.owner, owner.isAlive { return .process(owner.pid) }
        return .nobody
    }

    /// Cancels open job `id` that no live process follows, from its journal: unfinished items are journaled
    /// cancelled (their prompts withdrawn from ComfyUI first), and the job is closed with its record saved.
    ///
    /// - Throws: `.unknownJob` when no such job is open in the journal.
    package func cancelAbandoned(_ id: String) async throws(SpriteEngineError) -> JobRecord {
        guard jobs[id] == nil, let job = JournalReplay.openJobs(in: journal.entries()).first(where: { $0.id == id })
        else { throw .unknownJob(id) }
        var record = job.record
        for item in record.items where !item.status.isFinished {
            if let prompt = job.prompts[item.index] { await pipeline.generator.withdraw(prompt) }
            var entry = JournalEntry(.cancelled, job: id)
            entry.item = item.index
            journalAppend(entry)
            record.finish(item: item.index, with: .failure(.cancelled), at: Date())
        }
        jobs[id] = record
        await close(id)
        logger.info(
            "cancelled an abandoned job",
            metadata: ["job.id": "\(id)", "job.withdrawn": "\(job.prompts.count)"]
        )
        return try await self.job(id)
    }
}
