/// How `BevyDeployer.deploy` treats metas, dry runs and existing files.
package struct DeployOptions: Sendable, Equatable {
    /// What to do when `<name>.png` exists with different bytes.
    package enum ConflictPolicy: String, Codable, Sendable, CaseIterable {
        /// Replace it (atomically).
        case overwrite
        /// Leave the existing file and its meta alone.
        case skip
        /// Write `<name>-2`, `<name>-3`, … instead.
        case rename
    }

    /// Write `<name>.png.meta` with a nearest sampler.
    package var writeMeta: Bool
    /// Compute every operation and write nothing.
    package var dryRun: Bool
    package var onConflict: ConflictPolicy
    /// Loader choice by this version instead of the project's.
    package var bevyVersionOverride: String?
    /// Pack every sprite, in order, into this one sheet instead of deploying them one by one.
    package var sheet: SheetOptions?
    /// Copy files about to be replaced to `<project>/.dgx-pixels/backups/<timestamp>/`.
    package var backup: Bool
    /// How many backup folders to keep (the newest); 0 keeps none and turns backups off.
    package var backupsKeep: Int

    package init(
        writeMeta: Bool = true,
        dryRun: Bool = false,
        onConflict: ConflictPolicy = .overwrite,
        bevyVersionOverride: String? = nil,
        sheet: SheetOptions? = nil,
        backup: Bool = true,
        backupsKeep: Int = 5
    ) {
        self.writeMeta = writeMeta
        self.dryRun = dryRun
        self.onConflict = onConflict
        self.bevyVersionOverride = bevyVersionOverride
        self.sheet = sheet
        self.backup = backup
        self.backupsKeep = backupsKeep
    }
}
