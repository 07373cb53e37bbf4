import BevyAssets

/// What deploying a job's sprites as each is made (`deploy_to`) has done so far: the combined report, and the
/// sprites whose deploy failed (a failed deploy never fails the sprite itself).
package struct RollingDeployment: Codable, Sendable, Equatable {
    package var report: DeployReport?
    package var errors: [String] = []

    package init() {}

    /// Adds another part of the job's deploys (with its errors) to the running total.
    mutating func merge(_ other: RollingDeployment) {
        if let report = other.report { add(report) }
        errors += other.errors
    }

    /// Adds one sprite's deploy to the running total.
    mutating func add(_ next: DeployReport) {
        guard var total = report else {
            report = next
            return
        }
        // A sprite deployed again (a resumed job re-deploys what it made before the stop) replaces its entry.
        total.sprites.removeAll { old in next.sprites.contains { $0.assetPath == old.assetPath } }
        total.sprites += next.sprites
        total.files.removeAll { old in next.files.contains { $0.path == old.path } }
        total.files += next.files
        total.warnings += next.warnings.filter { !total.warnings.contains($0) }
        total.notes += next.notes.filter { !total.notes.contains($0) }
        if total.backupPath == nil { total.backupPath = next.backupPath }
        report = total
    }
}
