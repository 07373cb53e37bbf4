import BevyAssets
import Foundation

/// What deploying a job's items as they finish has done so far.
package struct RollingDeployment: Sendable {
    var draft: DeployDraft
    package var report: DeployReport?
    package var errors: [String] = []

    /// Adds one item's deploy to the running total.
    mutating func add(_ next: DeployReport) {
        guard var total = report else {
            report = next
            return
        }
        total.sprites += next.sprites
        total.files += next.files
        total.warnings += next.warnings.filter { !total.warnings.contains($0) }
        total.notes += next.notes.filter { !total.notes.contains($0) }
        if total.backupPath == nil { total.backupPath = next.backupPath }
        report = total
    }
}

extension GenerationEngine {
    /// Starts a job whose sprites are deployed one by one, as each finishes (`deploy_to` on a batch), so a game
    /// hot-reloads them while the rest are still being made.
    package func start(
        _ requests: [SpriteRequest],
        kind: String,
        concurrency: Int,
        progress: ProgressReporter,
        deployEach draft: DeployDraft
    ) -> String {
        let id = start(requests, kind: kind, concurrency: concurrency, progress: progress)
        deployments[id] = RollingDeployment(draft: draft)
        return id
    }

    /// The deploys done so far for job `id` (nil when the job deploys nothing).
    package func deployment(of id: String) -> RollingDeployment? {
        deployments[id]
    }

    /// Deploys one finished sprite of a job that asked for it; a failure is kept, never fatal to the job.
    func deployFinished(_ sprite: SpriteResult, of id: String) {
        guard var rolling = deployments[id] else { return }
        var draft = rolling.draft
        draft.sprites = [sprite.uri]
        draft.category = draft.category ?? sprite.category
        do {
            let store = self.store
            let report = try SpriteDeployer(configuration: configuration, store: store).deploy(draft) { id in
                self.records[id] ?? store.record(id: id)
            }
            rolling.add(report)
        } catch {
            rolling.errors.append("\(sprite.name): \(error.description)")
        }
        deployments[id] = rolling
    }
}

extension GenerationEngine {
    /// This server run's jobs, newest first.
    package func recentJobs(limit: Int) -> [JobRecord] {
        Array(records.values.sorted { $0.createdAt > $1.createdAt }.prefix(limit))
    }
}
