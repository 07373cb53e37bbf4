import Foundation

/// The resolved bevy version in a Cargo.lock, which is more exact than the Cargo.toml requirement.
enum CargoLock {
    /// The highest `bevy` package version the lock file pins, or nil without a readable lock or a bevy entry.
    static func bevyVersion(in url: URL) -> BevyVersion? {
        guard let text = try? String(contentsOf: url, encoding: .utf8), let lock = try? TOMLReader.parse(text) else {
            return nil
        }
        let versions = (lock["package"]?.array ?? [])
            .filter { $0["name"]?.string == "bevy" }
            .compactMap { $0["version"]?.string.flatMap(BevyVersion.init) }
        return versions.max()
    }
}
