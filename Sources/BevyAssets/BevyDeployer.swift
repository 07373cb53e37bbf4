import AtomicFiles
import Foundation

/// Deploys sprites into a Bevy project: validate everything, plan every path through the jail, write each
/// `.meta` before its `.png` (and a sheet's descriptors after it), then record all sprites in the manifest in one
/// locked update.
package struct BevyDeployer: Sendable {
    let faultInjector: AssetWriter.FaultInjector?
    let now: @Sendable () -> Date

    /// - Parameters:
    ///   - faultInjector: test seam passed to the `AssetWriter`.
    ///   - now: the clock for `deployed_at` and backup folder names.
    package init(faultInjector: AssetWriter.FaultInjector? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.faultInjector = faultInjector
        self.now = now
    }

    /// The manifest of a project: `assets/sprites/manifest.json`.
    package static func manifestURL(in project: BevyProject) -> URL {
        project.assetsDirectory.appendingPathComponent("sprites/manifest.json")
    }

    /// Deploys `input` one by one, or, with `options.sheet`, packs them in order into one sprite sheet.
    package func deploy(
        _ input: [SpriteAsset],
        into project: BevyProject,
        options: DeployOptions = DeployOptions()
    ) throws(BevyAssetsError) -> DeployReport {
        var sprites = input
        var layout: SheetLayout?
        if let sheet = options.sheet {
            let packed = try SpriteSheet.pack(input, options: sheet)
            (sprites, layout) = ([packed.sprite], packed.layout)
        }
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
        let collectionURL =
            options.sheet?.assetCollection == true ? try writer.plan(relativePath: AssetCollection.relativePath) : nil
        var claimed = Set(sprites.map { Manifest.key(category: $0.category, name: $0.name) })
        var plans: [SpritePlan] = []
        for sprite in sprites {
            var plan = try SpritePlan.make(
                for: sprite,
                writer: writer,
                meta: meta,
                policy: options.onConflict,
                claimed: &claimed
            )
            if let layout = layout ?? sprite.sheet { try plan.attach(layout, writer: writer) }
            if let tileset = sprite.tileset { try plan.attach(tileset, writer: writer) }
            plans.append(plan)
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
        report.sheet = plans.first { $0.sheet != nil }?.sheet
        let deployedAt = ISO8601DateFormatter().string(from: now())
        var backups =
            options.backup && options.backupsKeep > 0
            ? BackupStore(project: project.root, assets: writer.jail, date: now()) : nil
        // A collection that cannot be merged stops the deploy before any file is written.
        if let collectionURL { _ = try Self.collectionText(for: plans, at: collectionURL) }
        if options.dryRun {
            try plan(plans, manifest: manifestURL, collection: collectionURL, backups: backups, into: &report)
            return report
        }

        var written: [SpritePlan] = []
        do {
            for plan in plans {
                try write(plan, meta: meta, writer: writer, backups: &backups, into: &report)
                if !plan.isSkipped { written.append(plan) }
            }
        } catch {
            // Keep the manifest in step with the sprites that did land before reporting the failure.
            _ = try? ManifestStore.update(at: manifestURL, writer: writer) {
                record(written, deployedAt: deployedAt, in: &$0)
            }
            throw error
        }
        try updateIndexes(
            written,
            manifest: manifestURL,
            collection: collectionURL,
            deployedAt: deployedAt,
            writer: writer,
            into: &report
        )
        if let backups, let folder = backups.folder {
            report.backupPath = folder.path
            for removed in backups.prune(keep: options.backupsKeep) {
                report.notes.append(
                    "removed the old backup \(removed.path) (keeping the newest \(options.backupsKeep))"
                )
            }
        }
        return report
    }

    /// Writes the manifest and, when asked, the asset collection, both under the manifest's lock.
    private func updateIndexes(
        _ written: [SpritePlan],
        manifest manifestURL: URL,
        collection collectionURL: URL?,
        deployedAt: String,
        writer: AssetWriter,
        into report: inout DeployReport
    ) throws(BevyAssetsError) {
        let (manifestAction, collectionAction) = try ManifestStore.locked(at: manifestURL, writer: writer) {
            () throws(BevyAssetsError) -> (WriteOutcome, WriteOutcome?) in
            var manifest = try ManifestStore.read(at: manifestURL)
            record(written, deployedAt: deployedAt, in: &manifest)
            let manifestAction = try writer.write(manifest.encoded(), to: manifestURL)
            guard let collectionURL else { return (manifestAction, nil) }
            let text = try Self.collectionText(for: written, at: collectionURL)
            return (manifestAction, try writer.write(Data(text.utf8), to: collectionURL))
        }
        report.files.append(.init(path: manifestURL.path, kind: .manifest, action: Self.fileAction(manifestAction)))
        if let collectionURL, let collectionAction {
            report.files.append(
                .init(path: collectionURL.path, kind: .collection, action: Self.fileAction(collectionAction))
            )
        }
    }

    /// The dry run: every operation `deploy` would perform, computed without writing.
    private func plan(
        _ plans: [SpritePlan],
        manifest manifestURL: URL,
        collection collectionURL: URL?,
        backups: BackupStore?,
        into report: inout DeployReport
    ) throws(BevyAssetsError) {
        func operation(_ url: URL, _ kind: DeployReport.FileKind, _ action: DeployReport.FileAction) {
            let backup = action == .replaced ? backups?.plannedCopy(of: url) : nil
            if backup != nil { report.backupPath = backups?.plannedFolder.path }
            report.files.append(.init(path: url.path, kind: kind, action: action, backupPath: backup?.path))
        }
        for plan in plans {
            if let metaURL = plan.meta, let metaAction = plan.metaAction, metaAction != .skipped {
                operation(metaURL, .meta, metaAction)
            }
            operation(plan.png, .png, plan.pngAction)
            for file in plan.sheetFiles { operation(file.url, file.kind, file.action) }
            record(plan, action: plan.pngAction, in: &report)
        }
        let deployedAt = ISO8601DateFormatter().string(from: now())
        let manifestAction = try ManifestStore.preview(at: manifestURL) {
            record(plans, deployedAt: deployedAt, in: &$0)
        }
        report.files.append(.init(path: manifestURL.path, kind: .manifest, action: Self.fileAction(manifestAction)))
        if let collectionURL {
            let text = Data(try Self.collectionText(for: plans.filter { !$0.isSkipped }, at: collectionURL).utf8)
            report.files.append(
                .init(
                    path: collectionURL.path,
                    kind: .collection,
                    action: SpritePlan.action(writing: text, to: collectionURL)
                )
            )
        }
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

    /// The collection file merged with the entries of every sheet in `plans`.
    private static func collectionText(for plans: [SpritePlan], at url: URL) throws(BevyAssetsError) -> String {
        var entries: [String: String] = [:]
        for plan in plans {
            guard let sheet = plan.sheet else { continue }
            let key = Manifest.key(category: plan.sprite.category, name: plan.name)
            entries.merge(AssetCollection.entries(for: sheet, key: key)) { _, new in new }
        }
        let existing: String?
        switch ProjectFile.contents(of: url) {
        case .success(let data): existing = String(decoding: data, as: UTF8.self)
        case .failure(.tooLarge): throw .projectFileTooLarge(path: url.path, limit: ProjectFile.maxBytes)
        case .failure(.missing), .failure(.unreadable): existing = nil
        }
        return try AssetCollection.merged(existing: existing, at: url.path, entries: entries)
    }

    static func fileAction(_ outcome: WriteOutcome) -> DeployReport.FileAction {
        switch outcome {
        case .created: .created
        case .replaced: .replaced
        case .unchanged: .unchanged
        }
    }
}
