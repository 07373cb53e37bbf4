import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh directory under the system temp dir for one test, removed when the last reference to it goes (or
/// by `remove()`); its path has symlinks resolved, so it compares equal to the resolved paths code reports.
package final class TemporaryDirectory: Sendable {
    package let url: URL

    package init(_ label: String = "dgx-pixels-test") throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        url = URL(fileURLWithPath: (base.path as NSString).resolvingSymlinksInPath, isDirectory: true)
    }

    deinit {
        remove()
    }

    package var path: String { url.path }

    /// Removes the directory, first making read-only folders left by permission tests writable again.
    package func remove() {
        if let paths = FileManager.default.enumerator(atPath: url.path) {
            for case let path as String in paths { chmod(url.appendingPathComponent(path).path, 0o755) }
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` to `relativePath`, creating folders.
    @discardableResult
    package func write(_ text: String, to relativePath: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// A minimal Bevy game: Cargo.toml depending on bevy `requirement`, optional Cargo.lock, and `assets/`.
    @discardableResult
    package func makeBevyProject(
        at relativePath: String = "game",
        requirement: String = "0.15",
        lockedVersion: String? = nil,
        withAssets: Bool = true
    ) throws -> URL {
        try write(
            """
            [package]
            name = "game"
            version = "0.1.0"
            edition = "2021"

            [dependencies]
            bevy = "\(requirement)"
            """,
            to: "\(relativePath)/Cargo.toml"
        )
        if let lockedVersion {
            try write(
                """
                version = 4

                [[package]]
                name = "bevy"
                version = "\(lockedVersion)"
                source = "registry+https://github.com/rust-lang/crates.io-index"
                """,
                to: "\(relativePath)/Cargo.lock"
            )
        }
        let root = url.appendingPathComponent(relativePath)
        if withAssets {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("assets"),
                withIntermediateDirectories: true
            )
        }
        return root
    }

    /// Every file and folder below the directory with its bytes (nil for folders), to compare before and after.
    package func listing() -> [String: Data?] {
        var result: [String: Data?] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: url.path) ?? .init() {
            let full = url.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory)
            result[path] = exists && !isDirectory.boolValue ? FileManager.default.contents(atPath: full.path) : nil
        }
        return result
    }
}
