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

    package init(
        writeMeta: Bool = true,
        dryRun: Bool = false,
        onConflict: ConflictPolicy = .overwrite,
        bevyVersionOverride: String? = nil
    ) {
        self.writeMeta = writeMeta
        self.dryRun = dryRun
        self.onConflict = onConflict
        self.bevyVersionOverride = bevyVersionOverride
    }
}
