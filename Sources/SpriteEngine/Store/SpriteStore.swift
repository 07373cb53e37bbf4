import AtomicFiles
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output directory: `<root>/<job-id>/<name>.png` plus `job.json`, written atomically, read back by URI.
package struct SpriteStore: Sendable {
    package let root: URL

    package init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// `sprite://<job-id>/<file>`: how tool results and `resources/read` name a stored sprite.
    package static func uri(jobID: String, fileName: String) -> String {
        "sprite://\(jobID)/\(fileName)"
    }

    /// Writes a sprite's PNG and returns its absolute path.
    package func save(png: Data, jobID: String, fileName: String) throws(SpriteEngineError) -> URL {
        try write(png, relativePath: "\(jobID)/\(fileName)")
    }

    /// Puts an existing sprite file into job `jobID` under `fileName` (a hard link; a copy across file systems).
    package func reuse(_ source: String, jobID: String, fileName: String) throws(SpriteEngineError) -> URL {
        let target = root.appendingPathComponent(jobID).appendingPathComponent(fileName)
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            if FileManager.default.fileExists(atPath: target.path) {
                try FileManager.default.removeItem(at: target)
            }
            try FileManager.default.linkItem(atPath: source, toPath: target.path)
            return target
        } catch {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: source)) else {
                throw .storageFailed(path: target.path, reason: error.localizedDescription)
            }
            return try save(png: data, jobID: jobID, fileName: fileName)
        }
    }

    /// The sprite cache under this store.
    package var cache: SpriteCache {
        SpriteCache(directory: root.appendingPathComponent("cache"))
    }

    /// Saves the job's record as `<job-id>/job.json`, so `get_job` can answer after a restart.
    ///
    /// A job whose every sprite came from the cache is not synced: a power loss that took it back loses nothing
    /// (the journal keeps the job open, and replaying it finds the same cache entries), and a cache hit stays cheap.
    package func save(_ record: JobRecord) throws(SpriteEngineError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(record)
        } catch {
            throw .storageFailed(path: "\(record.id)/job.json", reason: "\(error)")
        }
        let allCached = !record.items.isEmpty && record.items.allSatisfy { $0.sprite?.cached == true }
        _ = try write(data, relativePath: "\(record.id)/job.json", durable: !allCached)
    }

    /// The saved record of job `id`, if there is one.
    package func record(id: String) -> JobRecord? {
        guard JobRecord.isWellFormedID(id) else { return nil }
        let url = root.appendingPathComponent(id).appendingPathComponent("job.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(JobRecord.self, from: data)
    }

    /// The file a `sprite://job/file` URI names; refuses anything that is not a stored sprite.
    package func file(for uri: String) throws(SpriteEngineError) -> URL {
        let prefix = "sprite://"
        guard uri.hasPrefix(prefix) else { throw .spriteNotFound(uri) }
        let parts = uri.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, JobRecord.isWellFormedID(String(parts[0])),
            parts[1].range(of: "^[a-z0-9_-]{1,64}\\.png$", options: .regularExpression) != nil
        else { throw .spriteNotFound(uri) }
        let url = root.appendingPathComponent(String(parts[0])).appendingPathComponent(String(parts[1]))
        guard FileManager.default.fileExists(atPath: url.path) else { throw .spriteNotFound(uri) }
        return url
    }

    /// Creates job `id`'s folder; false when it exists already (the id is taken).
    ///
    /// A folder that cannot be created for another reason is left to the first write, which reports why.
    package func claimJobFolder(_ id: String) -> Bool {
        try? prepare()
        guard mkdir(root.appendingPathComponent(id).path, 0o755) != 0 else { return true }
        return errno != EEXIST
    }

    /// Creates the output directory if it is missing; the error says in plain words why it cannot be.
    package func prepare() throws(SpriteEngineError) {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw .storageFailed(path: root.path, reason: Self.whyNotCreatable(root) ?? "\(error.localizedDescription)")
        }
    }

    /// Why a folder cannot be created at `url`: an ancestor that is a file, or one not writable; nil when neither.
    static func whyNotCreatable(_ url: URL) -> String? {
        var ancestor = url.standardizedFileURL
        while ancestor.path != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue {
                    return "\(ancestor.path) is a file, not a folder, so the output directory cannot be created "
                        + "under it (set output.dir to a folder path)"
                }
                if !FileManager.default.isWritableFile(atPath: ancestor.path) {
                    return "\(ancestor.path) is not writable by this user (set output.dir to a folder you can write)"
                }
                return nil
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        return nil
    }

    /// Writes `data` atomically to `relativePath`, a job folder and file name the store itself built from
    /// validated ids and names (`<job-id>/<name>.png`), so nothing here can point outside the root.
    private func write(_ data: Data, relativePath: String, durable: Bool = true) throws(SpriteEngineError) -> URL {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, JobRecord.isWellFormedID(String(parts[0])), !parts[1].hasPrefix("."),
            parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) })
        else { throw .storageFailed(path: relativePath, reason: "not a job folder and file name of the store") }
        try prepare()
        let target = root.appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
        } catch {
            let folder = target.deletingLastPathComponent()
            throw .storageFailed(path: folder.path, reason: Self.whyNotCreatable(folder) ?? error.localizedDescription)
        }
        do {
            _ = try AtomicFile.write(data, to: target, durable: durable)
        } catch {
            throw .storageFailed(path: error.path, reason: error.reason)
        }
        return target
    }
}

extension SpriteStore {
    /// Every saved job record, newest first.
    package func records() -> [JobRecord] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter(JobRecord.isWellFormedID).compactMap(record(id:)).sorted { $0.id > $1.id }
    }
}
