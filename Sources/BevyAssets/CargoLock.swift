import Foundation

/// The resolved bevy version in a Cargo.lock, which is more exact than the Cargo.toml requirement.
enum CargoLock {
    /// The highest `bevy` package version the lock file pins; nil without a lock file or a bevy entry.
    ///
    /// A lock file that cannot be used is no reason to refuse the project (the Cargo.toml requirement still
    /// applies), but one over the reader's limits is worth telling the user about, so that comes back as a note.
    static func bevyVersion(in url: URL, notes: inout [String]) -> BevyVersion? {
        let text: String
        switch ProjectFile.contents(of: url) {
        case .success(let data):
            guard let decoded = String(data: data, encoding: .utf8) else { return nil }
            text = decoded
        case .failure(.tooLarge):
            notes.append(BevyAssetsError.projectFileTooLarge(path: url.path, limit: ProjectFile.maxBytes).description)
            return nil
        case .failure(.missing), .failure(.unreadable):
            return nil
        }
        let lock: TOMLValue
        do {
            lock = try TOMLReader.parse(text)
        } catch {
            if error.reason.hasPrefix("nested deeper") {
                notes.append("\(url.path) ignored: line \(error.line): \(error.reason)")
            }
            return nil
        }
        return bevyVersion(in: lock)
    }

    /// The highest `bevy` package version a parsed lock file pins.
    static func bevyVersion(in lock: TOMLValue) -> BevyVersion? {
        let versions = (lock["package"]?.array ?? [])
            .filter { $0["name"]?.string == "bevy" }
            .compactMap { $0["version"]?.string.flatMap(BevyVersion.init) }
        return versions.max()
    }
}
