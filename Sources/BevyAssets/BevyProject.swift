import AtomicFiles
import Foundation

/// A Bevy game on disk: where it is, which Bevy it uses, and the `assets/` folder sprites go into.
package struct BevyProject: Sendable {
    /// Where `bevyVersion` came from.
    package enum VersionSource: String, Codable, Sendable {
        case cargoLock = "cargo_lock"
        case cargoToml = "cargo_toml"
        case override
        case unknown
    }

    /// The project folder, symlinks resolved.
    package var root: URL
    /// The Cargo.toml that depends on bevy (a workspace member's, when found through the workspace).
    package var cargoToml: URL
    package var bevyVersion: BevyVersion?
    package var versionSource: VersionSource
    /// The asset root sprites are written under (resolved; it may not exist yet when not created).
    package var assetsDirectory: URL
    /// What detection decided on the user's behalf, for the deploy report.
    package var notes: [String]

    package init(
        root: URL,
        cargoToml: URL,
        bevyVersion: BevyVersion?,
        versionSource: VersionSource,
        assetsDirectory: URL,
        notes: [String] = []
    ) {
        self.root = root
        self.cargoToml = cargoToml
        self.bevyVersion = bevyVersion
        self.versionSource = versionSource
        self.assetsDirectory = assetsDirectory
        self.notes = notes
    }

    /// Finds the Bevy project at `path`, reads its Bevy version, and makes sure `assets/` is usable.
    ///
    /// - Parameters:
    ///   - path: the project folder (`~` is expanded, symlinks resolved).
    ///   - bevyVersionOverride: wins over Cargo.lock and Cargo.toml when given.
    ///   - allowSymlinkedAssets: write through an `assets/` that is a symlink instead of refusing.
    ///   - createAssetsDirectory: create a missing `assets/` (false for dry runs, which write nothing).
    /// - Returns: the project, with notes on every choice made for the user.
    /// - Throws: `projectNotFound`, `notABevyProject`, `cargoTomlUnreadable`, `invalidBevyVersion`,
    ///   `symlinkedAssetsDirectory`, or `writeFailed` when `assets/` cannot be created.
    package static func detect(
        at path: String,
        bevyVersionOverride: String? = nil,
        allowSymlinkedAssets: Bool = false,
        createAssetsDirectory: Bool = true
    ) throws(BevyAssetsError) -> BevyProject {
        let expanded = NSString(string: path).expandingTildeInPath
        guard let rootPath = FileSystem.resolved(expanded), FileSystem.kind(of: rootPath) == .directory else {
            throw .projectNotFound(path: expanded)
        }
        let root = URL(fileURLWithPath: rootPath, isDirectory: true)
        let manifestURL = root.appendingPathComponent("Cargo.toml")
        guard FileManager.default.fileExists(atPath: manifestURL.path) else { throw .notABevyProject(path: rootPath) }
        let manifest = try CargoManifest(contentsOf: manifestURL)
        var notes: [String] = []

        let game = try findBevyCrate(from: manifest, notes: &notes)
        let workspace = try enclosingWorkspace(of: game.manifest)
        var requirement: String?
        switch game.dependency {
        case .requirement(let text):
            requirement = text
        case .inheritedFromWorkspace:
            requirement = workspace?.workspaceBevyRequirement
            if requirement == nil { notes.append("bevy.workspace = true, but no bevy in [workspace.dependencies]") }
        }

        var project = BevyProject(
            root: root,
            cargoToml: game.manifest.url,
            bevyVersion: nil,
            versionSource: .unknown,
            assetsDirectory: root.appendingPathComponent("assets", isDirectory: true),
            notes: notes
        )
        try project.chooseVersion(requirement: requirement, workspace: workspace, override: bevyVersionOverride)
        let gameFolder = game.manifest.url.deletingLastPathComponent()
        if gameFolder.path != root.path && FileSystem.kind(of: project.assetsDirectory.path) == .missing {
            // `cargo run -p game` sets CARGO_MANIFEST_DIR to the member, so Bevy looks for assets/ there.
            project.assetsDirectory = gameFolder.appendingPathComponent("assets", isDirectory: true)
            project.notes.append("using the bevy crate's own assets folder \(project.assetsDirectory.path)")
        }
        try project.prepareAssetsDirectory(allowSymlink: allowSymlinkedAssets, create: createAssetsDirectory)
        return project
    }

    /// The crate that depends on bevy: the manifest itself, or else the first workspace member that does.
    private static func findBevyCrate(
        from manifest: CargoManifest,
        notes: inout [String]
    ) throws(BevyAssetsError) -> (manifest: CargoManifest, dependency: CargoManifest.BevyDependency) {
        if let dependency = manifest.bevyDependency { return (manifest, dependency) }
        var found: [(manifest: CargoManifest, dependency: CargoManifest.BevyDependency)] = []
        for member in manifest.workspaceMembers {
            let memberManifest = try CargoManifest(contentsOf: member.appendingPathComponent("Cargo.toml"))
            if let dependency = memberManifest.bevyDependency { found.append((memberManifest, dependency)) }
        }
        guard let first = found.first else {
            throw .notABevyProject(path: manifest.url.deletingLastPathComponent().path)
        }
        let name = first.manifest.url.deletingLastPathComponent().lastPathComponent
        notes.append(
            "bevy found in workspace member '\(name)'" + (found.count > 1 ? " (the first of \(found.count))" : "")
        )
        return first
    }

    /// The nearest Cargo.toml with a `[workspace]` table, at the crate's folder or above it.
    private static func enclosingWorkspace(of manifest: CargoManifest) throws(BevyAssetsError) -> CargoManifest? {
        if manifest.isWorkspaceRoot { return manifest }
        var folder = manifest.url.deletingLastPathComponent()
        while folder.path != "/" {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("Cargo.toml")
            guard FileManager.default.fileExists(atPath: candidate.path) else { continue }
            let parent = try CargoManifest(contentsOf: candidate)
            if parent.isWorkspaceRoot { return parent }
        }
        return nil
    }

    /// Override, else Cargo.lock, else the Cargo.toml requirement, else unknown.
    private mutating func chooseVersion(
        requirement: String?,
        workspace: CargoManifest?,
        override: String?
    ) throws(BevyAssetsError) {
        let lockFolders = [cargoToml.deletingLastPathComponent(), workspace?.url.deletingLastPathComponent()]
        var locked: BevyVersion?
        for folder in lockFolders.compactMap({ $0 }) where locked == nil {
            locked = CargoLock.bevyVersion(in: folder.appendingPathComponent("Cargo.lock"), notes: &notes)
        }
        let required = requirement.flatMap(BevyVersion.init)
        if let override {
            guard let version = BevyVersion(override) else { throw .invalidBevyVersion(value: override) }
            (bevyVersion, versionSource) = (version, .override)
            if let detected = locked ?? required, detected != version {
                notes.append("Bevy version override \(version) used instead of \(detected) from the project")
            }
        } else if let locked {
            (bevyVersion, versionSource) = (locked, .cargoLock)
        } else if let required {
            (bevyVersion, versionSource) = (required, .cargoToml)
        } else {
            notes.append("Bevy version unknown: .meta files use the loader of Bevy 0.15 and later")
        }
    }

    /// Refuses a symlinked `assets/` unless allowed, and creates a missing one when asked.
    private mutating func prepareAssetsDirectory(allowSymlink: Bool, create: Bool) throws(BevyAssetsError) {
        let path = assetsDirectory.path
        switch FileSystem.kind(of: path) {
        case .directory:
            return
        case .symlink:
            guard allowSymlink else { throw .symlinkedAssetsDirectory(path: path) }
            guard let target = FileSystem.resolved(path), FileSystem.kind(of: target) == .directory else {
                throw .writeFailed(path: path, reason: "it is a symlink to a folder that does not exist")
            }
            assetsDirectory = URL(fileURLWithPath: target, isDirectory: true)
            notes.append("assets/ is a symlink to \(target); writing there")
        case .missing:
            guard create else {
                notes.append("assets/ does not exist yet and would be created at \(path)")
                return
            }
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw .writeFailed(path: path, reason: "could not create the assets folder")
            }
            notes.append("created the missing assets folder at \(path)")
        case .file, .other:
            throw .writeFailed(path: path, reason: "it exists but is not a folder")
        }
    }
}
