import Foundation

/// What a journal says about the jobs it holds: the ones left open, each rebuilt as far as it got.
enum JournalReplay {
    /// One job submitted and not closed.
    struct OpenJob: Sendable {
        let id: String
        let kind: String
        let requests: [SpriteRequest]
        /// The record with every outcome journaled so far.
        var record: JobRecord
        /// Each item's prompt, when it was sent to a ComfyUI backend.
        var prompts: [Int: PromptHandle]
        /// The process that owns the job now: the last `submitted` or `resumed` entry's.
        var owner: ProcessIdentity?
        /// The Bevy project its sprites are deployed into as they are made.
        var deployTo: String?

        /// The items with no outcome yet, with where their prompt went if it was sent.
        var pending: [PendingItem] {
            record.items.filter { !$0.status.isFinished }.map { item in
                PendingItem(index: item.index, request: requests[item.index], resume: prompts[item.index])
            }
        }
    }

    /// The open jobs in `entries`, in the order they were submitted.
    static func openJobs(in entries: [JournalEntry]) -> [OpenJob] {
        var order: [String] = []
        var byJob: [String: [JournalEntry]] = [:]
        for entry in entries {
            if byJob[entry.job] == nil { order.append(entry.job) }
            byJob[entry.job, default: []].append(entry)
        }
        return order.compactMap { id in
            guard let jobEntries = byJob[id], !jobEntries.contains(where: { $0.event == .closed }),
                let submitted = jobEntries.first(where: { $0.event == .submitted }),
                let requests = submitted.requests
            else { return nil }
            return rebuild(id, submitted: submitted, requests: requests, entries: jobEntries)
        }
    }

    /// Job `id` as its journal entries left it.
    static func rebuild(
        _ id: String,
        submitted: JournalEntry,
        requests: [SpriteRequest],
        entries: [JournalEntry]
    ) -> OpenJob {
        var record = JobRecord(id: id, kind: submitted.kind ?? "batch", requests: requests, createdAt: Date())
        record.createdAt = submitted.at
        record.deployTo = submitted.deployTo
        var prompts: [Int: PromptHandle] = [:]
        var owner = submitted.owner
        for entry in entries {
            if entry.event == .resumed { owner = entry.owner ?? owner }
            guard let index = entry.item, record.items.indices.contains(index) else { continue }
            switch entry.event {
            case .prompt: prompts[index] = entry.prompt
            case .finished:
                if let sprite = entry.sprite { record.finish(item: index, with: .success(sprite), at: Date()) }
            case .failed: record.restoreFailure(item: index, message: entry.error ?? "failed")
            case .cancelled: record.finish(item: index, with: .failure(.cancelled), at: Date())
            case .submitted, .resumed, .closed: break
            }
        }
        return OpenJob(
            id: id,
            kind: record.kind,
            requests: requests,
            record: record,
            prompts: prompts,
            owner: owner,
            deployTo: submitted.deployTo
        )
    }
}

/// One item still to make: its index in the job, its request, and where its prompt was sent if it was.
struct PendingItem: Sendable {
    var index: Int
    var request: SpriteRequest
    var resume: PromptHandle?
}

extension JobRecord {
    /// Marks an item failed with a message read back from the journal.
    mutating func restoreFailure(item index: Int, message: String) {
        finish(item: index, with: .failure(.generationFailed(engine: "", reason: "")), at: Date())
        items[index].error = message
    }
}
