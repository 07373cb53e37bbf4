import BevyAssets
import Foundation
import PixelArt

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

extension GenerationEngine {
    /// Saves `<job>/contact-sheet.png` for a batch with at least one sprite; returns its path.
    func saveContactSheet(of record: JobRecord) -> String? {
        let sprites = record.items.compactMap(\.sprite)
        guard record.total > 1, !sprites.isEmpty else { return nil }
        let images = sprites.compactMap { sprite in
            (try? Data(contentsOf: URL(fileURLWithPath: sprite.path))).flatMap { try? PNGCodec.decode($0) }
        }
        // Large batches get smaller tiles, so the sheet stays a few megapixels at most.
        let cell = images.count <= 64 ? 64 : (images.count <= 256 ? 48 : 32)
        do {
            let png = try PNGCodec.encode(ContactSheet.grid(images, cell: cell))
            return try store.save(png: png, jobID: record.id, fileName: "contact-sheet.png").path
        } catch {
            logger.warning(
                "could not save the contact sheet",
                metadata: ["job.id": "\(record.id)", "error": "\(error)"]
            )
            return nil
        }
    }
}
