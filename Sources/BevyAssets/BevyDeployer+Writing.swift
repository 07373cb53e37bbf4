import AtomicFiles
import Foundation

extension BevyDeployer {
    /// Writes one sprite's meta, PNG and sheet descriptors in that order, backing up each file it replaces and
    /// recording each operation as it is done.
    func write(
        _ plan: SpritePlan,
        meta: Data?,
        writer: AssetWriter,
        backups: inout BackupStore?,
        into report: inout DeployReport
    ) throws(BevyAssetsError) {
        guard !plan.isSkipped else {
            if let metaURL = plan.meta, let metaAction = plan.metaAction, metaAction != .skipped {
                report.files.append(.init(path: metaURL.path, kind: .meta, action: metaAction))
            }
            report.files.append(.init(path: plan.png.path, kind: .png, action: .skipped))
            for file in plan.sheetFiles {
                report.files.append(.init(path: file.url.path, kind: file.kind, action: .skipped))
            }
            record(plan, action: .skipped, in: &report)
            return
        }
        let directory = plan.png.deletingLastPathComponent()
        try writer.makeDirectory(directory)
        for stale in writer.cleanStaleTemps(in: directory) {
            report.notes.append("removed \(stale.path), left by an interrupted write")
        }
        // A sprite lands as a unit: the .meta and sheet descriptors first (so its first load already samples
        // nearest), the PNG last. If the PNG cannot be written (a full disk), what was written for it is put back
        // as it was, so no .meta is ever left without its PNG.
        var landed: [(url: URL, previous: Data?)] = []
        var operations: [DeployReport.FileOperation] = []
        do {
            var companions: [(data: Data, url: URL, kind: DeployReport.FileKind)] = []
            if let meta, let metaURL = plan.meta { companions.append((meta, metaURL, .meta)) }
            companions += plan.sheetFiles.map { ($0.data, $0.url, $0.kind) }
            for file in companions {
                let previous = FileSystem.contents(of: file.url.path)
                operations.append(
                    try write(file.data, to: file.url, kind: file.kind, writer: writer, backups: &backups)
                )
                landed.append((file.url, previous))
            }
            let png = try write(plan.sprite.png, to: plan.png, kind: .png, writer: writer, backups: &backups)
            report.files += operations + [png]
            record(plan, action: png.action, in: &report)
        } catch {
            for file in landed.reversed() { Self.restore(file.url, to: file.previous, writer: writer) }
            throw error
        }
    }

    /// Puts a file back as it was before a failed sprite: its old bytes, or no file at all.
    private static func restore(_ url: URL, to previous: Data?, writer: AssetWriter) {
        if let previous {
            _ = try? writer.write(previous, to: url)
        } else {
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// One atomic write, preceded by a backup of the old file when the write replaces it.
    private func write(
        _ data: Data,
        to url: URL,
        kind: DeployReport.FileKind,
        writer: AssetWriter,
        backups: inout BackupStore?
    ) throws(BevyAssetsError) -> DeployReport.FileOperation {
        var backupPath: String?
        if SpritePlan.action(writing: data, to: url) == .replaced, var store = backups {
            backupPath = try store.preserve(url).path
            backups = store
        }
        let action = Self.fileAction(try writer.write(data, to: url))
        return .init(path: url.path, kind: kind, action: action, backupPath: backupPath)
    }

    /// Adds the sprite's result to the report.
    func record(_ plan: SpritePlan, action pngAction: DeployReport.FileAction, in report: inout DeployReport) {
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
    func record(_ plans: [SpritePlan], deployedAt: String, in manifest: inout Manifest) {
        for plan in plans where !plan.isSkipped {
            let key = Manifest.key(category: plan.sprite.category, name: plan.name)
            var entry = Manifest.Entry(
                assetPath: plan.assetPath,
                category: plan.sprite.category,
                name: plan.name,
                width: plan.sprite.width,
                height: plan.sprite.height,
                frames: plan.sheet?.frames ?? 1,
                sheet: plan.sheet.map { layout in
                    Manifest.Sheet(
                        ron: SheetLayout.ronPath(category: plan.sprite.category, name: plan.name),
                        json: SheetLayout.jsonPath(category: plan.sprite.category, name: plan.name),
                        layout: layout
                    )
                },
                tileset: plan.tileset.map { Manifest.Tileset(name: plan.name, file: $0) },
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
}
