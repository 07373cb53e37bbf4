import Foundation

/// Reads the files of a Bevy project that dgx-pixels parses itself (Cargo.toml, Cargo.lock, `sprites.assets.ron`,
/// `manifest.json`), refusing any larger than `maxBytes` so a huge or endless file cannot exhaust memory.
enum ProjectFile {
    /// 16 MiB: a large workspace's Cargo.lock is well under 1 MiB.
    static let maxBytes = 16 * 1024 * 1024

    /// Why a project file could not be read.
    enum Failure: Error, Equatable {
        case missing
        case unreadable
        case tooLarge
    }

    /// The bytes of the file at `url`, at most `limit` of them.
    static func contents(of url: URL, limit: Int = maxBytes) -> Result<Data, Failure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return .failure(.missing)
        }
        guard !isDirectory.boolValue, let handle = try? FileHandle(forReadingFrom: url) else {
            return .failure(.unreadable)
        }
        defer { try? handle.close() }
        // Reads one byte past the limit rather than trusting the size `stat` reports: the file may grow, or be a
        // device that never ends.
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            return .failure(.unreadable)
        }
        return data.count > limit ? .failure(.tooLarge) : .success(data)
    }

    /// The UTF-8 text of the file at `url`, or the error that names it: `tooLarge` over the limit, else `unreadable`.
    static func text(
        of url: URL,
        unreadable: (String) -> BevyAssetsError,
        limit: Int = maxBytes
    ) throws(BevyAssetsError) -> String {
        switch contents(of: url, limit: limit) {
        case .success(let data):
            guard let text = String(data: data, encoding: .utf8) else {
                throw unreadable("it is not readable UTF-8 text")
            }
            return text
        case .failure(.tooLarge):
            throw .projectFileTooLarge(path: url.path, limit: limit)
        case .failure(.missing), .failure(.unreadable):
            throw unreadable("it is not a readable file")
        }
    }
}
