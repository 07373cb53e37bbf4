import AtomicFiles
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and updates the manifest under an exclusive lock, so concurrent deploys never lose each other's entries.
package enum ManifestStore {
    /// The lock file beside a manifest: `assets/sprites/.manifest.lock`.
    package static func lockURL(for manifest: URL) -> URL {
        manifest.deletingLastPathComponent().appendingPathComponent(".manifest.lock")
    }

    /// The manifest at `url`; empty when there is none, `manifestCorrupt` when it cannot be read.
    package static func read(at url: URL) throws(BevyAssetsError) -> Manifest {
        if FileSystem.kind(of: url.path) == .missing { return Manifest() }
        let data: Data
        switch ProjectFile.contents(of: url) {
        case .success(let bytes): data = bytes
        case .failure(.tooLarge): throw .projectFileTooLarge(path: url.path, limit: ProjectFile.maxBytes)
        case .failure(.missing), .failure(.unreadable):
            throw .manifestCorrupt(path: url.path, reason: "it is not a readable file")
        }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw .manifestCorrupt(path: url.path, reason: "not valid manifest JSON: \(Self.summary(of: error))")
        }
        guard manifest.version == Manifest.currentVersion else {
            throw .manifestCorrupt(path: url.path, reason: "version \(manifest.version) is not the supported version 1")
        }
        return manifest
    }

    /// Locks, reads, applies `mutate`, writes atomically through `writer`, and unlocks.
    @discardableResult
    package static func update(
        at url: URL,
        writer: AssetWriter,
        _ mutate: (inout Manifest) -> Void
    ) throws(BevyAssetsError) -> WriteOutcome {
        try locked(at: url, writer: writer) { () throws(BevyAssetsError) -> WriteOutcome in
            var manifest = try read(at: url)
            mutate(&manifest)
            return try writer.write(manifest.encoded(), to: url)
        }
    }

    /// Runs `body` holding the manifest's exclusive lock, so files derived from it (the asset collection) are
    /// merged under the same lock.
    package static func locked<Result>(
        at url: URL,
        writer: AssetWriter,
        _ body: () throws(BevyAssetsError) -> Result
    ) throws(BevyAssetsError) -> Result {
        let directory = url.deletingLastPathComponent()
        try writer.makeDirectory(directory)
        writer.cleanStaleTemps(in: directory)
        let lockPath = lockURL(for: url).path
        // Each open gets its own open file description, so flock excludes other threads of this process too.
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .lockFailed(path: lockPath, reason: FileSystem.errnoReason()) }
        defer { _ = close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .lockFailed(path: lockPath, reason: FileSystem.errnoReason()) }
        }
        defer { _ = flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// What `update` would do, computed without locking or writing anything (for dry runs).
    package static func preview(at url: URL, _ mutate: (inout Manifest) -> Void) throws(BevyAssetsError) -> WriteOutcome
    {
        let existing = FileSystem.contents(of: url.path)
        var manifest = try read(at: url)
        mutate(&manifest)
        guard let existing else { return .created }
        return existing == manifest.encoded() ? .unchanged : .replaced
    }

    private static func summary(of error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
            DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
