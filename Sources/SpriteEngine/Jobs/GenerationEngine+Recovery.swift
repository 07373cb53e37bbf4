import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension GenerationEngine {
    /// Replays the journal: jobs a previous run left open (killed, or stopped with `on_shutdown: leave`) are rebuilt
    /// and their unfinished items run again — collected from ComfyUI when their prompt was sent, generated otherwise.
    ///
    /// Finished items are never made again. Jobs still owned by another live process are left alone. The journal
    /// is then compacted to the open jobs' entries.
    /// - Returns: The ids of the jobs resumed.
    /// - Parameter only: Resume just this job (`dgx-pixels batch --resume ID`), whoever owned it; leave the rest.
    @discardableResult
    package func recover(only: String? = nil) -> [String] {
        let entries = journal.entries()
        guard !entries.isEmpty else { return [] }
        var order: [String] = []
        var byJob: [String: [JournalEntry]] = [:]
        for entry in entries {
            if byJob[entry.job] == nil { order.append(entry.job) }
            byJob[entry.job, default: []].append(entry)
        }
        var kept: [JournalEntry] = []
        var resumed: [(id: String, pending: [PendingItem], total: Int)] = []
        for id in order {
            guard let jobEntries = byJob[id], !jobEntries.contains(where: { $0.event == .closed }) else { continue }
            guard let submitted = jobEntries.first(where: { $0.event == .submitted }),
                let requests = submitted.requests, records[id] == nil
            else { continue }
            if let only, only != id {
                kept += jobEntries
                continue
            }
            if only == nil, let owner = submitted.pid, owner != ProcessInfo.processInfo.processIdentifier,
                Self.isAlive(owner)
            {
                kept += jobEntries
                continue
            }
            let (record, prompts) = Self.rebuild(id, submitted: submitted, requests: requests, entries: jobEntries)
            kept += jobEntries
            records[id] = record
            let pending = record.items.filter { !$0.status.isFinished }.map { item in
                PendingItem(index: item.index, request: requests[item.index], resume: prompts[item.index])
            }
            resumed.append((id, pending, requests.count))
        }
        do {
            try journal.compact(keeping: kept)
        } catch {
            logger.error("could not compact the job journal", metadata: ["error": "\(error)"])
        }
        for job in resumed {
            if job.pending.isEmpty {
                close(job.id)
                continue
            }
            logger.info(
                "resuming job from the journal",
                metadata: ["job.id": "\(job.id)", "job.pending": "\(job.pending.count)"]
            )
            let concurrency = configuration.generation.concurrency
            tasks[job.id] = Task {
                await self.execute(
                    job.pending,
                    jobID: job.id,
                    total: job.total,
                    concurrency: concurrency,
                    progress: .none
                )
            }
            watchForCancelRequest(job.id)
        }
        return resumed.map(\.id)
    }

    /// Job `id` as its journal entries left it: the record with every outcome so far, and each item's sent prompt.
    static func rebuild(
        _ id: String,
        submitted: JournalEntry,
        requests: [SpriteRequest],
        entries: [JournalEntry]
    ) -> (record: JobRecord, prompts: [Int: PromptHandle]) {
        var record = JobRecord(id: id, kind: submitted.kind ?? "batch", requests: requests, createdAt: Date())
        record.createdAt = submitted.at
        var prompts: [Int: PromptHandle] = [:]
        for entry in entries {
            guard let index = entry.item, record.items.indices.contains(index) else { continue }
            switch entry.event {
            case .prompt: prompts[index] = entry.prompt
            case .finished:
                if let sprite = entry.sprite { record.finish(item: index, with: .success(sprite), at: Date()) }
            case .failed: record.restoreFailure(item: index, message: entry.error ?? "failed")
            case .cancelled: record.finish(item: index, with: .failure(.cancelled), at: Date())
            case .submitted, .closed: break
            }
        }
        return (record, prompts)
    }

    /// Whether process `pid` exists (signal 0 checks without sending anything).
    package static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

extension JobRecord {
    /// Marks an item failed with a message read back from the journal.
    mutating func restoreFailure(item index: Int, message: String) {
        finish(item: index, with: .failure(.generationFailed(engine: "", reason: "")), at: Date())
        items[index].error = message
    }
}
