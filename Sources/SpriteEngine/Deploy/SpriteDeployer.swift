import BevyAssets
import Foundation
import PixelArt

/// Resolves what a deploy call names into validated sprites and hands them to `BevyDeployer`.
package struct SpriteDeployer: Sendable {
    let configuration: Configuration
    let store: SpriteStore

    package init(configuration: Configuration, store: SpriteStore) {
        self.configuration = configuration
        self.store = store
    }

    /// Validates the draft, every referenced PNG and the project, then deploys (or plans, with `dryRun`).
    package func deploy(_ draft: DeployDraft, jobs: (String) -> JobRecord?) throws(SpriteEngineError) -> DeployReport {
        do {
            let report = try validateAndDeploy(draft, jobs: jobs)
            EngineMetrics.deployFinished(status: draft.dryRun ? "dry_run" : "deployed")
            return report
        } catch {
            EngineMetrics.deployFinished(status: "failed")
            throw error
        }
    }

    private func validateAndDeploy(
        _ draft: DeployDraft,
        jobs: (String) -> JobRecord?
    ) throws(SpriteEngineError) -> DeployReport {
        guard let projectPath = draft.project ?? configuration.bevy.defaultProject else {
            throw .invalidArgument(
                field: "project",
                message: "is required: the root folder of a Bevy project (where Cargo.toml is)"
            )
        }
        guard !draft.sprites.isEmpty else {
            throw .invalidArgument(
                field: "sprites",
                message: "must list at least one job id, sprite:// URI, PNG path or directory"
            )
        }
        let policy = draft.onConflict ?? configuration.bevy.onConflict
        guard let conflict = DeployOptions.ConflictPolicy(rawValue: policy) else {
            throw .invalidArgument(field: "on_conflict", message: "expected overwrite, skip or rename, got '\(policy)'")
        }
        let category = try draft.category.map { value throws(SpriteEngineError) in
            try SpriteName.validated(value, field: "category")
        }
        let name = try draft.name.map { value throws(SpriteEngineError) in
            try SpriteName.validated(value, field: "name")
        }
        var sources: [SpriteSource] = []
        for (index, reference) in draft.sprites.enumerated() {
            sources += try SpriteSource.resolve(reference, field: "sprites[\(index)]", store: store, jobs: jobs)
        }
        // Every source is read into memory before anything is written: bounded before the first byte is read.
        guard sources.count <= configuration.limits.maxBatch else {
            throw .invalidArgument(
                field: "sprites",
                message: "names \(sources.count) PNG files, over limits.max_batch (\(configuration.limits.maxBatch)); "
                    + "deploy them in parts"
            )
        }
        if draft.sheet != nil, name == nil {
            throw .invalidArgument(
                field: "name",
                message: "is required with 'sheet': it names the sheet (<name>.png, <name>.sheet.ron)"
            )
        }
        if draft.sheet == nil, name != nil, sources.count != 1 {
            throw .invalidArgument(
                field: "name",
                message: "applies to exactly one sprite, but 'sprites' names \(sources.count)"
            )
        }
        let assets = try sources.map { source throws(SpriteEngineError) in
            try asset(from: source, draft: draft, name: draft.sheet == nil ? name : nil, category: category)
        }
        let deployed = try withTilesets(assets, from: sources, packing: draft.sheet != nil)
        let project: BevyProject
        do {
            project = try BevyProject.detect(
                at: projectPath,
                bevyVersionOverride: draft.bevyVersion,
                allowSymlinkedAssets: configuration.bevy.allowSymlinkedAssets,
                createAssetsDirectory: !draft.dryRun
            )
        } catch {
            throw .deployFailed(error)
        }
        let options = DeployOptions(
            writeMeta: draft.meta ?? configuration.bevy.writeMeta,
            dryRun: draft.dryRun,
            onConflict: conflict,
            bevyVersionOverride: draft.bevyVersion,
            sheet: draft.sheet.map { sheet in
                sheet.options(
                    name: name ?? "",
                    category: category ?? assets.first?.category ?? configuration.generation.defaultCategory,
                    maxPixels: configuration.limits.maxPixels
                )
            },
            backup: draft.backup ?? true,
            backupsKeep: configuration.bevy.backupsKeep
        )
        do {
            return try BevyDeployer().deploy(deployed, into: project, options: options)
        } catch {
            throw .deployFailed(error)
        }
    }

    /// Reads and validates one source PNG; an invalid one stops the whole deploy before anything is written.
    private func asset(
        from source: SpriteSource,
        draft: DeployDraft,
        name: String?,
        category: String?
    ) throws(SpriteEngineError)
        -> SpriteAsset
    {
        // Checked before a byte is read: a device (/dev/zero), a FIFO or a huge file is refused, not read.
        let data = try SpriteStore.readRegularFile(
            source.url,
            maxBytes: configuration.limits.maxFileSize,
            field: "sprites"
        )
        let report = PNGValidator(limits: configuration.validationLimits).validate(data)
        guard report.valid else {
            EngineMetrics.validationFailed(.deploy)
            throw .invalidSprite(
                path: source.url.path,
                issues: report.issues.filter { $0.severity == .error }.map(\.message)
            )
        }
        let finalName: String
        if let name {
            finalName = name
        } else if draft.sheet != nil {
            // A frame's own name never reaches disk; only the sheet's does.
            finalName = source.name
        } else {
            finalName = try SpriteName.validated(source.name, field: "sprites (file name '\(source.name)')")
        }
        return SpriteAsset(
            name: finalName,
            category: category ?? source.category ?? configuration.generation.defaultCategory,
            png: data,
            width: report.width ?? 0,
            height: report.height ?? 0,
            prompt: source.sprite?.prompt,
            seed: source.sprite?.seed,
            engine: source.sprite?.engine,
            sheet: try source.sprite?.sheet.map { layout throws(SpriteEngineError) in
                guard layout.columns * layout.frameWidth == report.width,
                    layout.rows * layout.frameHeight == report.height
                else {
                    throw .invalidSprite(
                        path: source.url.path,
                        issues: [
                            "is \(report.width ?? 0)x\(report.height ?? 0), not the \(layout.columns)x\(layout.rows) "
                                + "grid of \(layout.frameWidth)x\(layout.frameHeight) frames its job made"
                        ]
                    )
                }
                return SheetLayout(animation: layout)
            }
        )
    }
}

extension SheetLayout {
    /// The Bevy descriptor of an animation sheet: one cell per frame, no padding, a clip per direction.
    init(animation layout: AnimationSheetLayout) {
        self.init(
            tileSizeX: layout.frameWidth,
            tileSizeY: layout.frameHeight,
            columns: layout.columns,
            rows: layout.rows,
            frames: layout.columns * layout.rows,
            fps: layout.clips.first?.fps ?? 8,
            clips: layout.clips.map {
                Clip(name: $0.name, first: $0.first, last: $0.last, fps: $0.fps, loops: $0.loops)
            }
        )
    }
}
