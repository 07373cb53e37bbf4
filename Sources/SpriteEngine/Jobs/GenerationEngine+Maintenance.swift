import Foundation

/// Keeping the output directory within `output.keep_days` / `output.keep_jobs` while the server runs.
extension GenerationEngine {
    /// How often retention runs while serving.
    static let maintenanceInterval = Duration.seconds(3600)

    /// Applies retention once the journal replay is done (so open jobs are known), then every hour, in the
    /// background; `shutdown` stops it.
    package func startMaintenance() {
        guard maintenance == nil, !RetentionPolicy(configuration.output).keepsEverything else { return }
        maintenance = Task(priority: .utility) { [weak self] in
            while !Task.isCancelled {
                await self?.recovered(nil)
                await self?.applyRetention()
                try? await Task.sleep(for: Self.maintenanceInterval)
            }
        }
    }

    /// Removes what the retention rules expire, never a job this server or another process has open.
    @discardableResult
    package func applyRetention(dryRun: Bool = false) async -> PruneReport {
        var open = Set(JournalReplay.openJobs(in: journal.entries()).map(\.id))
        open.formUnion(jobs.records.keys.filter { jobs.isRunning($0) })
        let (store, policy) = (self.store, RetentionPolicy(configuration.output))
        let report = await Self.prune(store, policy: policy, protecting: open, dryRun: dryRun)
        if !report.removed.isEmpty || report.tempFilesRemoved > 0 {
            logger.info(
                "retention applied",
                metadata: [
                    "jobs.removed": "\(report.removed.count)", "jobs.kept": "\(report.kept)",
                    "bytes.freed": "\(report.freedBytes)", "cache.dropped": "\(report.cacheEntriesDropped)",
                    "temps.removed": "\(report.tempFilesRemoved)",
                ]
            )
        }
        return report
    }

    /// The prune itself, off the actor: it lists and removes folders.
    private nonisolated static func prune(
        _ store: SpriteStore,
        policy: RetentionPolicy,
        protecting open: Set<String>,
        dryRun: Bool
    ) async -> PruneReport {
        store.prune(policy, protecting: open, dryRun: dryRun)
    }
}
