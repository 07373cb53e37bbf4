import Foundation

/// What callers ask of jobs: waiting for one, its record, the recent ones.
extension GenerationEngine {
    /// Waits until job `id` finishes or `seconds` pass, whichever is first; returns its record.
    package func wait(for id: String, upTo seconds: Double) async throws -> JobRecord {
        await recovered(id)
        guard let task = jobs.task(of: id) else { return try await job(id) }
        let finished = await firstOf([{ await task.value }], timeout: .seconds(max(0, seconds)))
        if finished == nil || Task.isCancelled {
            cancel(id)
            throw CancellationError()
        }
        return try await job(id)
    }

    /// The record of job `id`: from memory, else from the output directory (jobs of earlier runs).
    ///
    /// A job still being recovered from the journal is waited for.
    package func job(_ id: String) async throws(SpriteEngineError) -> JobRecord {
        await recovered(id)
        if let record = jobs[id] { return record }
        if let saved = store.record(id: id) { return saved }
        throw .unknownJob(id)
    }

    /// This server run's jobs in memory, newest first.
    package func recentJobs(limit: Int) -> [JobRecord] {
        jobs.recent(limit: limit)
    }

    /// The sprites of the jobs in memory, newest first.
    package func recentSprites(limit: Int) -> [SpriteResult] {
        Array(jobs.recent(limit: .max).flatMap { $0.items.compactMap(\.sprite) }.prefix(limit))
    }
}
