import Foundation

/// Cancelling jobs from outside the process that runs them (`dgx-pixels jobs cancel`).
///
/// A job followed by a live server is cancelled by that server: the CLI drops a request file,
/// `<output_dir>/<job-id>/cancel-requested`, which the server's engine checks for every half second while the job
/// runs. A job no live process follows (its server was killed, or stopped with `on_shutdown: leave`) is cancelled
/// here, from its journal: prompts it had sent are taken off their ComfyUI backends, and its record is closed.
/// Either way finished items are kept.
extension GenerationEngine {
    /// Where another process asks for job `id` to be cancelled.
    package nonisolated func cancelRequestURL(for id: String) -> URL {
        store.root.appendingPathComponent(id).appendingPathComponent("cancel-requested")
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
        guard let (submitted, _) = journal.openJob(id) else { return .notOpen }
        if let owner = submitted.pid, Self.isAlive(owner) { return .process(owner) }
        return .nobody
    }

    /// Cancels open job `id` that no live process follows, from its journal: unfinished items are journaled
    /// cancelled (their prompts withdrawn from ComfyUI first), and the job is closed with its record saved.
    ///
    /// - Throws: `.unknownJob` when no such job is open in the journal.
    package func cancelAbandoned(_ id: String) async throws(SpriteEngineError) -> JobRecord {
        guard records[id] == nil, let (submitted, entries) = journal.openJob(id), let requests = submitted.requests
        else { throw .unknownJob(id) }
        var (record, prompts) = Self.rebuild(id, submitted: submitted, requests: requests, entries: entries)
        for item in record.items where !item.status.isFinished {
            if let prompt = prompts[item.index] { await pipeline.generator.withdraw(prompt) }
            var entry = JournalEntry(.cancelled, job: id)
            entry.item = item.index
            self.record(entry)
            record.finish(item: item.index, with: .failure(.cancelled), at: Date())
        }
        records[id] = record
        close(id)
        logger.info("cancelled an abandoned job", metadata: ["job.id": "\(id)", "job.withdrawn": "\(prompts.count)"])
        return try job(id)
    }

    /// Watches for a cancel request for job `id` while it runs; `close` stops the watch.
    func watchForCancelRequest(_ id: String) {
        let marker = cancelRequestURL(for: id)
        watchers[id] = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                guard FileManager.default.fileExists(atPath: marker.path) else { continue }
                await self?.logger.info("cancel requested by another process", metadata: ["job.id": "\(id)"])
                await self?.cancel(id)
                return
            }
        }
    }

    /// Ends the watch of job `id` and removes a request it may have left.
    func endWatch(_ id: String) {
        watchers[id]?.cancel()
        watchers[id] = nil
        try? FileManager.default.removeItem(at: cancelRequestURL(for: id))
    }
}
