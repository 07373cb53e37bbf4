import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so a reader only ever sees the old bytes or the new ones: a hidden temp in the same folder, every
/// byte written and synced, then renamed over the target and the folder synced.
///
/// The temp's name, `.<name>.tmp-<pid>-<n>`, says which process wrote it, so temps a killed process left behind can
/// be told from temps another live process is about to rename (`removeStaleTemps`). Bevy's hot reload needs exactly
/// this shape too: a same-folder temp renamed at once (`BevyAssets.AssetWriter` adds its path jail on top).
package enum AtomicFile {
    /// Called at each `FaultPoint`; throwing there makes the write fail as a real I/O error would.
    package typealias FaultInjector = @Sendable (FaultPoint) throws -> Void

    /// Writes `data` to `target` (whose folder must exist) unless it already holds exactly these bytes.
    ///
    /// With `durable: false` the bytes are not synced: a reader still sees old or new, never half, but a power loss
    /// may take the new file back. Only for files that can be derived again.
    package static func write(
        _ data: Data,
        to target: URL,
        durable: Bool = true,
        faults: FaultInjector? = nil
    ) throws(AtomicFileError) -> WriteOutcome {
        let path = target.path
        let existing = FileSystem.kind(of: path)
        if existing == .file, FileSystem.contents(of: path) == data { return .unchanged }
        let directory = target.deletingLastPathComponent()
        let temp = TempFileRegistry.shared.reserveTemp(for: target)
        defer { TempFileRegistry.shared.release(temp) }
        let descriptor = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AtomicFileError(
                path: path,
                reason: "cannot create a temporary file in \(directory.path): \(FileSystem.errnoReason())"
            )
        }
        var isOpen = true
        do {
            if let reason = FileSystem.writeAll(data, to: descriptor) {
                throw AtomicFileError(path: path, reason: "writing failed: \(reason)")
            }
            try faults?(.afterTempWrite)
            guard !durable || fsync(descriptor) == 0 else {
                throw AtomicFileError(path: path, reason: "fsync failed: \(FileSystem.errnoReason())")
            }
            isOpen = false
            guard close(descriptor) == 0 else {
                throw AtomicFileError(path: path, reason: "close failed: \(FileSystem.errnoReason())")
            }
            try faults?(.beforeRename)
            guard rename(temp.path, path) == 0 else {
                throw AtomicFileError(path: path, reason: "rename failed: \(FileSystem.errnoReason())")
            }
        } catch {
            if isOpen { _ = close(descriptor) }
            _ = unlink(temp.path)
            throw (error as? AtomicFileError) ?? AtomicFileError(path: path, reason: "\(error)")
        }
        if durable { FileSystem.syncDirectory(directory.path) }
        return existing == .missing ? .created : .replaced
    }

    /// The pid in a temp name `write` makes, or nil for any other file.
    package static func writerPID(ofTemp name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let numbers = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard numbers.count == 2, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil })
        else { return nil }
        return pid_t(numbers[0])
    }

    /// Removes the temps in `folder` whose writer is gone (a process that exited, or this one's finished writes);
    /// returns what it removed.
    @discardableResult
    package static func removeStaleTemps(in folder: URL) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [URL] = []
        for name in names.sorted() {
            guard let pid = writerPID(ofTemp: name) else { continue }
            let temp = folder.appendingPathComponent(name)
            let writerIsGone =
                pid == getpid() ? !TempFileRegistry.shared.isInFlight(temp.path) : (kill(pid, 0) != 0 && errno == ESRCH)
            if writerIsGone, unlink(temp.path) == 0 { removed.append(temp) }
        }
        return removed
    }
}

/// A write that did not happen; the target still holds what it held before.
package struct AtomicFileError: Error, Equatable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String { "could not write \(path): \(reason)" }
}
