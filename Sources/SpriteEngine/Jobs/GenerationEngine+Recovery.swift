import Foundation

/// Jobs a stopped server left open (killed, or stopped with `on_shutdown: leave`), finished from the journal.
///
/// Finished items are never made again: items whose prompt was sent are collected from their backend, the rest are
/// generated with their journaled seed, and sprites of a job with a deploy target are deployed (again: files
/// already there unchanged are not rewritten). Jobs a live process owns are left to it; a take-over is journaled
/// (`resumed`) under the journal's exclusive lock, so two servers starting together never both take a job.
extension GenerationEngine {
    /// Starts the replay in the background and returns at once, so a server answers `initialize` without reading
    /// its history; a lookup of a job not in memory waits for it (`recovered(_:)`).
    package func startRecovery() {
        guard recovery == nil else { return }
        recovery = Task { self.recover() }
    }

    /// Waits for the replay while it runs, unless job `id` is already in memory.
    func recovered(_ id: String?) async {
        guard let recovery else { return }
        if let id, jobs[id] != nil { return }
        _ = await recovery.value
    }

    /// Takes over the open jobs no live process owns and resumes them.
    ///
    /// - Parameter only: Resume just this job (`dgx-pixels batch --resume ID`), whoever owned it; leave the rest.
    /// - Returns: The ids of the jobs resumed.
    @discardableResult
    package func recover(only: String? = nil) -> [String] {
        let claimed: [JournalReplay.OpenJob]
        do {
            claimed = try journal.exclusively { entries, append throws(SpriteEngineError) in
                var taken: [JournalReplay.OpenJob] = []
                for job in JournalReplay.openJobs(in: entries) where jobs[job.id] == nil {
                    if let only {
                        guard job.id == only else { continue }
                    } else if let owner = job.owner, owner != .current, owner.isAlive {
                        continue
                    }
                    var entry = JournalEntry(.resumed, job: job.id)
                    entry.own(by: .current)
                    try append(entry)
                    taken.append(job)
                }
                return taken
            }
        } catch {
            logger.error("could not read the job journal", metadata: ["error": "\(error)"])
            return []
        }
        for job in claimed { resume(job) }
        compactJournalIfLarge()
        return claimed.map(\.id)
    }

    private func resume(_ job: JournalReplay.OpenJob) {
        jobs[job.id] = job.record
        if job.deployTo != nil { deployFinished(job.record.items.compactMap(\.sprite), of: job.id) }
        let pending = job.pending
        // With nothing left to make, the job's task only closes it.
        logger.info(
            "resuming job from the journal",
            metadata: ["job.id": "\(job.id)", "job.pending": "\(pending.count)"]
        )
        run(
            pending,
            jobID: job.id,
            total: job.requests.count,
            concurrency: configuration.generation.concurrency,
            progress: .none
        )
    }
}
