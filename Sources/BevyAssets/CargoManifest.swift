import Foundation

/// One parsed Cargo.toml and the questions detection asks of it: does it depend on bevy, is it a workspace.
struct CargoManifest {
    /// How a manifest asks for bevy.
    enum BevyDependency: Equatable {
        /// A version requirement such as "0.15" (nil for git or path dependencies without one).
        case requirement(String?)
        /// `bevy.workspace = true`: the requirement lives in the workspace root's `[workspace.dependencies]`.
        case inheritedFromWorkspace
    }

    let url: URL
    let root: TOMLValue

    /// Reads and parses the manifest at `url`.
    init(contentsOf url: URL) throws(BevyAssetsError) {
        let text = try ProjectFile.text(of: url) { reason in .cargoTomlUnreadable(path: url.path, reason: reason) }
        try self.init(text: text, url: url)
    }

    /// Parses `text` as the manifest at `url` (which names it in errors and anchors workspace members).
    init(text: String, url: URL) throws(BevyAssetsError) {
        self.url = url
        do {
            root = try TOMLReader.parse(text)
        } catch {
            throw .cargoTomlUnreadable(path: url.path, reason: "line \(error.line): \(error.reason)")
        }
    }

    /// bevy in `[dependencies]` or a `[target.*.dependencies]` table, in any of Cargo's spellings.
    var bevyDependency: BevyDependency? {
        var tables: [TOMLValue] = [root["dependencies"]].compactMap { $0 }
        for target in (root["target"]?.table ?? [:]).values {
            if let dependencies = target["dependencies"] { tables.append(dependencies) }
        }
        for table in tables {
            guard let spec = table["bevy"] else { continue }
            if let version = spec.string { return .requirement(version) }
            if spec["workspace"]?.isTrue == true { return .inheritedFromWorkspace }
            return .requirement(spec["version"]?.string)
        }
        return nil
    }

    /// Whether this manifest has a `[workspace]` table.
    var isWorkspaceRoot: Bool { root["workspace"] != nil }

    /// The requirement for bevy in `[workspace.dependencies]`.
    var workspaceBevyRequirement: String? {
        guard let spec = root["workspace", "dependencies", "bevy"] else { return nil }
        return spec.string ?? spec["version"]?.string
    }

    /// Member crate folders, with simple globs (`crates/*`) expanded, in the order written.
    var workspaceMembers: [URL] {
        let folder = url.deletingLastPathComponent()
        var members: [URL] = []
        for pattern in (root["workspace", "members"]?.array ?? []).compactMap(\.string) {
            guard pattern.hasSuffix("/*") || pattern == "*" else {
                members.append(folder.appendingPathComponent(pattern))
                continue
            }
            let parent = pattern == "*" ? folder : folder.appendingPathComponent(String(pattern.dropLast(2)))
            let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                members.append(parent.appendingPathComponent(name))
            }
        }
        return members.filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("Cargo.toml").path) }
    }
}
