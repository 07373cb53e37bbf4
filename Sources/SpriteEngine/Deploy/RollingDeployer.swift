import BevyAssets

/// Deploys a job's sprites into its Bevy project as each is made (`deploy_to`), one deploy at a time and off the
/// engine's actor, so writing files never holds up the engine's other calls.
actor RollingDeployer {
    private let deployer: SpriteDeployer

    init(deployer: SpriteDeployer) {
        self.deployer = deployer
    }

    /// Deploys `sprites` of `record` into `project`; what happened, to add to the job's running total.
    func deploy(_ sprites: [SpriteResult], of record: JobRecord, into project: String) -> RollingDeployment {
        var result = RollingDeployment()
        for sprite in sprites {
            var draft = DeployDraft(project: project, sprites: [sprite.uri])
            draft.category = sprite.category
            do {
                result.add(try deployer.deploy(draft) { $0 == record.id ? record : nil })
            } catch {
                result.errors.append("\(sprite.name): \(error.description)")
            }
        }
        return result
    }
}
