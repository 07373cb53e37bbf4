import AtomicFiles
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies files a deploy is about to replace to `<project>/.dgx-pixels/backups/<UTC timestamp>/<path under assets>`
/// and keeps only the newest folders.
package struct BackupStore: Sendable {
    /// Backups live under `.dgx-pixels/`, the only place outside `assets/` the deployer writes.
    private let writer: AssetWriter
    private let assets: URL
    private let stamp: String
    /// This deploy's folder, created at the first backup.
    package private(set) var folder: URL?

    /// - Parameters:
    ///   - project: the project whose `.dgx-pixels/backups/` is used.
    ///   - assets: the resolved `assets/` folder targets are relative to.
    ///   - date: the deploy's time, which names the folder.
    package init(project: URL, assets: URL, date: Date) {
        writer = AssetWriter(jail: project.appendingPathComponent(".dgx-pixels", isDirectory: true))
        self.assets = assets
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH-mm-ss.SSS'Z'"
        stamp = formatter.string(from: date)
    }

    /// The backups root: `<project>/.dgx-pixels/backups`.
    package var root: URL { writer.jail.appendingPathComponent("backups", isDirectory: true) }

    /// Copies the file at `target` (inside `assets/`) into this deploy's folder; returns the copy's path.
    package mutating func preserve(_ target: URL) throws(BevyAssetsError) -> URL {
        guard let old = FileSystem.contents(of: target.path) else {
            throw .writeFailed(path: target.path, reason: "the file to back up could not be read")
        }
        let relative = relativePath(of: target)
        let folder: URL
        if let existing = self.folder {
            folder = existing
        } else {
            folder = try makeFolder()
        }
        self.folder = folder
        let copy = try writer.plan(relativePath: "backups/\(folder.lastPathComponent)/\(relative)")
        _ = try writer.write(old, to: copy)
        return copy
    }

    /// Where `preserve` would copy `target` (for dry runs; a name taken in the same millisecond is not foreseen).
    package func plannedCopy(of target: URL) -> URL {
        plannedFolder.appendingPathComponent(relativePath(of: target))
    }

    /// The folder this deploy's backups go to, unless another deploy takes the name first.
    package var plannedFolder: URL { root.appendingPathComponent(stamp, isDirectory: true) }

    /// Removes all but the newest `keep` backup folders; returns what it removed.
    @discardableResult
    package func prune(keep: Int) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        let folders = names.filter { $0.first?.isNumber == true }.sorted()
        var removed: [URL] = []
        for name in folders.dropLast(max(keep, 0)) {
            let url = root.appendingPathComponent(name, isDirectory: true)
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(url) }
        }
        return removed
    }

    /// `target`'s path under `assets/` (its file name alone, should it lie elsewhere).
    private func relativePath(of target: URL) -> String {
        FileSystem.isInside(target.path, directory: assets.path)
            ? String(target.path.dropFirst(assets.path.count + 1)) : target.lastPathComponent
    }

    /// Creates `backups/<stamp>` (or `<stamp>-2`, … when another deploy took it in the same millisecond).
    private func makeFolder() throws(BevyAssetsError) -> URL {
        try writer.makeDirectory(root)
        for attempt in 1...100 {
            let name = attempt == 1 ? stamp : "\(stamp)-\(attempt)"
            let candidate = try writer.plan(relativePath: "backups/\(name)")
            if mkdir(candidate.path, 0o755) == 0 { return candidate }
            guard errno == EEXIST else {
                throw .writeFailed(
                    path: candidate.path,
                    reason: "cannot create the backup folder: \(FileSystem.errnoReason())"
                )
            }
        }
        throw .writeFailed(path: root.appendingPathComponent(stamp).path, reason: "too many backups in one millisecond")
    }
}
