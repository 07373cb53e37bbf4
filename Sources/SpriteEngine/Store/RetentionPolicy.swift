import Foundation

/// How long the output directory keeps jobs: `output.keep_days` and `output.keep_jobs` (0 turns a rule off).
///
/// Applied after start-up, every hour while serving, and by `dgx-pixels jobs prune`. A job that is open (running,
/// or left in the journal for a restart) is never removed, and files deployed into a game are never touched: a
/// deploy copies them into the project.
package struct RetentionPolicy: Sendable, Equatable {
    /// Jobs older than this many days go (0: keep them whatever their age).
    package var keepDays: Int
    /// Only the newest this many jobs stay (0: keep them however many).
    package var keepJobs: Int

    package init(keepDays: Int, keepJobs: Int) {
        self.keepDays = keepDays
        self.keepJobs = keepJobs
    }

    package init(_ output: Configuration.Output) {
        self.init(keepDays: output.keepDays, keepJobs: output.keepJobs)
    }

    /// Whether the rules keep everything.
    package var keepsEverything: Bool { keepDays == 0 && keepJobs == 0 }

    /// Which of `ids` (job ids, any order) the rules remove at `now`, newest rules first; `protected` ids never.
    package func expired(_ ids: [String], protecting protected: Set<String>, now: Date) -> [String] {
        let newestFirst = ids.sorted(by: >)
        let cutoff = keepDays > 0 ? now.addingTimeInterval(-Double(keepDays) * 86_400) : nil
        var expired: [String] = []
        for (rank, id) in newestFirst.enumerated() where !protected.contains(id) {
            let tooMany = keepJobs > 0 && rank >= keepJobs
            let tooOld = cutoff.map { cutoff in JobRecord.date(ofID: id).map { $0 < cutoff } ?? false } ?? false
            if tooMany || tooOld { expired.append(id) }
        }
        return expired
    }
}

/// What a prune removed (or, in a dry run, would remove).
package struct PruneReport: Sendable, Encodable, Equatable {
    /// One job folder removed.
    package struct Job: Sendable, Encodable, Equatable {
        package var id: String
        package var bytes: Int
    }

    package var removed: [Job] = []
    /// Jobs left in the output directory.
    package var kept = 0
    package var freedBytes = 0
    /// Cache entries dropped because their sprite file is gone.
    package var cacheEntriesDropped = 0
    /// Temporary files left by interrupted writes.
    package var tempFilesRemoved = 0
    package var dryRun = false

    enum CodingKeys: String, CodingKey {
        case removed, kept
        case freedBytes = "freed_bytes"
        case cacheEntriesDropped = "cache_entries_dropped"
        case tempFilesRemoved = "temp_files_removed"
        case dryRun = "dry_run"
    }
}
