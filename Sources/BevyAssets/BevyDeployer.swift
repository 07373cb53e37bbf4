import Foundation

/// Deploys sprites into a Bevy project: validate everything, plan every path through the jail, write each
/// `.meta` before its `.png`, then record all sprites in the manifest in one locked update.
package struct BevyDeployer: Sendable {
    private let faultInjector: AssetWriter.FaultInjector?
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - faultInjector: test seam passed to the `AssetWriter`.
    ///   - now: the clock for `deployed_at`.
    package init(faultInjector: AssetWriter.FaultInjector? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.faultInjector = faultInjector
        self.now = now
    }

    /// The manifest of a project: `assets/sprites/manifest.json`.
    package static func manifestURL(in project: BevyProject) -> URL {
        project.assetsDirectory.appendingPathComponent("sprites/manifest.json")
    }

    package func deploy(
        _ sprites: [SpriteAsset],
        into project: BevyProject,
        options: DeployOptions = DeployOptions()
    ) throws(BevyAssetsError) -> DeployReport {
        try Self.validate(sprites)
        var version = project.bevyVersion
        var versionSource = project.versionSource
        if let override = options.bevyVersionOverride {
            guard let parsed = BevyVersion(override) else { throw .invalidBevyVersion(value: override) }
            (version, versionSource) = (parsed, .override)
        }
        let metaText = MetaFile.imageMeta(for: version)
        try MetaFile.validate(metaText)
        let meta = options.writeMeta ? Data(metaText.utf8) : nil

        let writer = AssetWriter(jail: project.assetsDirectory, faultInjector: faultInjector)
        let manifestURL = try writer.plan(relativePath: "sprites/manifest.json")
        var claimed = Set(sprites.map { Manifest.key(category: $0.category, name: $0.name) })
        var plans: [SpritePlan] = []
        for sprite in sprites {
            plans.append(
                try SpritePlan.make(
                    for: sprite,
                    writer: writer,
                    meta: meta,
                    policy: options.onConflict,
                    claimed: &claimed
                )
            )
        }

        var report = DeployReport(
            project: project.root.path,
            bevyVersion: version?.description,
            versionSource: versionSource,
            loader: MetaFile.loader(for: version),
            dryRun: options.dryRun,
            sprites: [],
            files: [],
            manifestPath: manifestURL.path,
            notes: project.notes
        )
        let deployedAt = ISO8601DateFormatter().string(from: now())
        if options.dryRun {
            for plan in plans { record(plan, pngAction: plan.pngAction, metaAction: plan.metaAction, in: &report) }
            let manifestAction = try ManifestStore.preview(at: manifestURL) {
                record(plans, deployedAt: deployedAt, in: &$0)
            }
            report.files.append(.init(path: manifestURL.path, kind: .manifest, action: Self.fileAction(manifestAction)))
            return report
        }

        var written: [SpritePlan] = []
        do {
            for plan in plans {
                try write(plan, meta: meta, writer: writer, into: &report)
                if !plan.isSkipped { written.append(plan) }
            }
        } catch {
            // Keep the manifest in step with the sprites that did land before reporting the failure.
            _ = try? ManifestStore.update(at: manifestURL, writer: writer) {
                record(written, deployedAt: deployedAt, in: &$0)
            }
            throw error
        }
        let manifestAction = try ManifestStore.update(at: manifestURL, writer: writer) {
            record(written, deployedAt: deployedAt, in: &$0)
        }
        report.files.append(.init(path: manifestURL.path, kind: .manifest, action: Self.fileAction(manifestAction)))
        return report
    }

    /// Every name and category valid, PNG bytes plausible, and no sprite twice: else nothing is written.
    private static func validate(_ sprites: [SpriteAsset]) throws(BevyAssetsError) {
        var seen: Set<String> = []
        for sprite in sprites {
            try AssetName.validate(sprite.category, field: "category")
            try AssetName.validate(sprite.name, field: "name")
            guard seen.insert(Manifest.key(category: sprite.category, name: sprite.name)).inserted else {
                throw .invalidName(
                    field: "name",
                    value: sprite.name,
                    reason: "appears twice in category '\(sprite.category)'"
                )
            }
            guard sprite.png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
                throw .invalidSprite(name: sprite.name, reason: "its bytes are not a PNG file")
            }
            guard sprite.width > 0, sprite.height > 0 else {
                throw .invalidSprite(name: sprite.name, reason: "its size \(sprite.width)x\(sprite.height) is empty")
            }
        }
    }

    /// Writes one sprite's meta then PNG, recording each file as it is done.
    private func write(
        _ plan: SpritePlan,
        meta: Data?,
        writer: AssetWriter,
        into report: inout DeployReport
    ) throws(BevyAssetsError) {
        guard !plan.isSkipped else {
            record(plan, pngAction: .skipped, metaAction: plan.metaAction, in: &report)
            return
        }
        let directory = plan.png.deletingLastPathComponent()
        try writer.makeDirectory(directory)
        for stale in writer.cleanStaleTemps(in: directory) {
            report.notes.append("removed \(stale.path), left by an interrupted write")
        }
        var metaAction: DeployReport.FileAction?
        if let meta, let metaURL = plan.meta {
            metaAction = Self.fileAction(try writer.write(meta, to: metaURL))
        }
        let pngAction = Self.fileAction(try writer.write(plan.sprite.png, to: plan.png))
        record(plan, pngAction: pngAction, metaAction: metaAction, in: &report)
    }

    /// Adds the sprite and its file operations (meta first) to the report.
    private func record(
        _ plan: SpritePlan,
        pngAction: DeployReport.FileAction,
        metaAction: DeployReport.FileAction?,
        in report: inout DeployReport
    ) {
        if let metaURL = plan.meta, let metaAction, metaAction != .skipped {
            report.files.append(.init(path: metaURL.path, kind: .meta, action: metaAction))
        }
        report.files.append(.init(path: plan.png.path, kind: .png, action: pngAction))
        var done = plan
        done.pngAction = pngAction
        report.sprites.append(
            .init(
                name: plan.name,
                category: plan.sprite.category,
                assetPath: plan.assetPath,
                pngPath: plan.png.path,
                metaPath: plan.meta?.path,
                action: done.spriteAction,
                contentHash: plan.sprite.contentHash
            )
        )
    }

    /// Sets each written sprite's entry, keeping the old `deployed_at` when nothing else changed.
    private func record(_ plans: [SpritePlan], deployedAt: String, in manifest: inout Manifest) {
        for plan in plans where !plan.isSkipped {
            let key = Manifest.key(category: plan.sprite.category, name: plan.name)
            var entry = Manifest.Entry(
                assetPath: plan.assetPath,
                category: plan.sprite.category,
                name: plan.name,
                width: plan.sprite.width,
                height: plan.sprite.height,
                frames: 1,
                prompt: plan.sprite.prompt,
                seed: plan.sprite.seed,
                engine: plan.sprite.engine,
                contentHash: plan.sprite.contentHash,
                deployedAt: deployedAt
            )
            if let old = manifest.sprites[key] {
                var unchanged = entry
                unchanged.deployedAt = old.deployedAt
                if unchanged == old { entry = old }
            }
            manifest.sprites[key] = entry
        }
    }

    private static func fileAction(_ outcome: WriteOutcome) -> DeployReport.FileAction {
        switch outcome {
        case .created: .created
        case .replaced: .replaced
        case .unchanged: .unchanged
        }
    }
}
