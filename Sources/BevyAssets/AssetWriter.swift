import AtomicFiles
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files inside a jail (the project's `assets/`) atomically and in the way Bevy's hot reload picks up:
/// a hidden temp in the same folder, fsync, then an immediate rename over the target.
package struct AssetWriter: Sendable {
    /// Called at each `FaultPoint`; throwing there makes the write fail as a real I/O error would.
    package typealias FaultInjector = AtomicFile.FaultInjector

    /// The canonical path every target must stay inside.
    package let jail: URL
    private let faultInjector: FaultInjector?

    package init(jail: URL) {
        self.init(jail: jail, faultInjector: nil)
    }

    package init(jail: URL, faultInjector: FaultInjector?) {
        // Resolved like every target, so a jail under a symlinked /tmp still contains its own files.
        let path = FileSystem.resolvedAllowingMissing(jail.path) ?? jail.standardizedFileURL.path
        self.jail = URL(fileURLWithPath: path, isDirectory: true)
        self.faultInjector = faultInjector
    }

    /// The resolved target for a path relative to the jail, refusing `..`, absolute paths and symlinks that leave it.
    package func plan(relativePath: String) throws(BevyAssetsError) -> URL {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        let lexical = jail.path + "/" + relativePath
        guard !relativePath.hasPrefix("/"), !relativePath.contains("\0"),
            parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
        else {
            throw .pathEscapesAssets(path: relativePath.replacingOccurrences(of: "\0", with: "\\0"), resolved: lexical)
        }
        return try confine(lexical)
    }

    /// Writes `data` to `target` unless it already holds exactly these bytes (`AtomicFile.write`, inside the jail).
    package func write(_ data: Data, to target: URL) throws(BevyAssetsError) -> WriteOutcome {
        let resolved = try confine(target.path)
        try makeDirectory(resolved.deletingLastPathComponent())
        do {
            return try AtomicFile.write(data, to: resolved, faults: faultInjector)
        } catch {
            throw .writeFailed(path: error.path, reason: error.reason)
        }
    }

    /// Creates `directory` and any missing parents, checking each one against the jail as it appears.
    package func makeDirectory(_ directory: URL) throws(BevyAssetsError) {
        let target = try confine(directory.path).path
        guard FileSystem.kind(of: target) != .directory else { return }
        var path = ""
        for component in target.split(separator: "/") {
            path += "/" + component
            guard FileSystem.kind(of: path) == .missing else { continue }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw .writeFailed(path: path, reason: "cannot create the folder: \(FileSystem.errnoReason())")
            }
            _ = try confine(path)
        }
        guard FileSystem.kind(of: target) == .directory else {
            throw .writeFailed(path: target, reason: "it exists but is not a folder")
        }
    }

    /// Removes temps left by a crashed write (`.<name>.tmp-<pid>-<n>`) whose writer is gone; returns what it removed.
    @discardableResult
    package func cleanStaleTemps(in directory: URL) -> [URL] {
        guard let folder = try? confine(directory.path) else { return [] }
        return AtomicFile.removeStaleTemps(in: folder)
    }

    /// `path` with every existing ancestor resolved, provided it stays inside the jail.
    private func confine(_ path: String) throws(BevyAssetsError) -> URL {
        // A dangling symlink resolves to nothing: refuse rather than write through it.
        guard let resolved = FileSystem.resolvedAllowingMissing(path) else {
            throw .pathEscapesAssets(path: path, resolved: "nothing (a symlink on the way dangles)")
        }
        guard FileSystem.isInside(resolved, directory: jail.path) else {
            throw .pathEscapesAssets(path: path, resolved: resolved)
        }
        return URL(fileURLWithPath: resolved)
    }
}
