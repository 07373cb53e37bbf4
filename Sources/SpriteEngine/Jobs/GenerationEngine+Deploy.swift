import BevyAssets
import Foundation

/// Deploying into Bevy projects: a deploy call, and a job's sprites deployed one by one as they are made.
extension GenerationEngine {
    /// Deploys what `draft` names (job ids resolve against this server's jobs, then saved records).
    ///
    /// With `draft.reload`, then asks the running game to reload what was written; that never fails the deploy.
    package func deploy(_ draft: DeployDraft) async throws(SpriteEngineError) -> DeployReport {
        await recovered(nil)
        var report = try deployer.deploy(draft) { id in self.jobs[id] ?? self.store.record(id: id) }
        guard draft.reload, !draft.dryRun else { return report }
        await report.requestReload(remoteURL: configuration.bevy.remoteURL, transport: reloadTransport)
        return report
    }

    /// Queues the deploy of finished sprites of a job that has a deploy target, behind the job's earlier deploys; `close` waits for them.
    ///
    /// A failure is kept in the record, never fatal to the sprite.
    func deployFinished(_ sprites: [SpriteResult], of id: String) {
        guard !sprites.isEmpty, let record = jobs[id], let project = record.deployTo else { return }
        let previous = deploys[id]
        let rolling = self.rolling
        deploys[id] = Task {
            await previous?.value
            let done = await rolling.deploy(sprites, of: record, into: project)
            await self.noteDeployed(done, of: id)
        }
    }

    private func noteDeployed(_ done: RollingDeployment, of id: String) {
        guard var record = jobs[id] else { return }
        var total = record.deployment ?? RollingDeployment()
        total.merge(done)
        record.deployment = total
        jobs[id] = record
    }

    /// Waits until every deploy queued for job `id` is done.
    func deploysFinished(of id: String) async {
        await deploys[id]?.value
        deploys[id] = nil
    }

    nonisolated var deployer: SpriteDeployer {
        SpriteDeployer(configuration: configuration, store: store)
    }
}
