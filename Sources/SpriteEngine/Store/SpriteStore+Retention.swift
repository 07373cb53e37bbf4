import AtomicFiles
import Foundation

/// Keeping the output directory within its retention rules.
extension SpriteStore {
    /// The ids of every job folder (read from the folder names alone), newest first.
    package func jobIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter(JobRecord.isWellFormedID).sorted(by: >)
    }

    /// Removes the job folders `policy` expires (never one in `protected`), then the cache entries whose sprite went
    /// with them, and temp files interrupted writes left in the store's own folders and in `protected` jobs'.
    package func prune(
        _ policy: RetentionPolicy,
        protecting protected: Set<String>,
        now: Date = Date(),
        dryRun: Bool = false
    ) -> PruneReport {
        var report = PruneReport(dryRun: dryRun)
        let ids = jobIDs()
        let expired = Set(policy.expired(ids, protecting: protected, now: now))
        for id in ids where expired.contains(id) {
            let folder = root.appendingPathComponent(id)
            let bytes = Self.size(of: folder)
            if !dryRun {
                do {
                    try FileManager.default.removeItem(at: folder)
                } catch {
                    continue
                }
            }
            report.removed.append(.init(id: id, bytes: bytes))
            report.freedBytes += bytes
        }
        report.kept = ids.count - report.removed.count
        if !report.removed.isEmpty { report.cacheEntriesDropped = cache.dropDanglingEntries(dryRun: dryRun) }
        if !dryRun {
            let folders = [root, cache.directory] + protected.map { root.appendingPathComponent($0) }
            report.tempFilesRemoved = folders.reduce(0) { $0 + Self.removeStaleTemps(in: $1) }
        }
        return report
    }

    /// The bytes of every regular file under `url` (hard links counted once per name).
    package static func size(of url: URL) -> Int {
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.fileSizeKey]) else {
            return 0
        }
        var total = 0
        for case let file as URL in walker {
            total += (try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return total
    }

    /// Removes the hidden temp files (`.<name>.tmp-<pid>-<n>`) in `folder` whose writer has exited.
    static func removeStaleTemps(in folder: URL) -> Int {
        AtomicFile.removeStaleTemps(in: folder).count
    }
}
