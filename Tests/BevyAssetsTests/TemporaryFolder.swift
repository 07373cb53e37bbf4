import AtomicFiles
import Foundation

@testable import BevyAssets

/// A fresh folder under the system temp dir for one test; call `remove()` in a `defer`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
            .appendingPathComponent("bevy-assets-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        // Resolve /tmp symlinks (macOS) so paths compare equal to the resolved ones the code reports.
        url = URL(fileURLWithPath: FileSystem.resolved(base.path) ?? base.path, isDirectory: true)
    }

    func remove() {
        // Read-only folders left by permission tests must be made writable again to be removed.
        if let paths = FileManager.default.enumerator(atPath: url.path) {
            for case let path as String in paths {
                chmod(url.appendingPathComponent(path).path, 0o755)
            }
        }
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// A minimal Bevy game: Cargo.toml depending on bevy `requirement`, optional Cargo.lock, and `assets/`.
    @discardableResult
    func makeBevyProject(
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

    /// Every file and folder below `url` with its bytes (nil for folders), to compare before and after.
    func listing() -> [String: Data?] {
        var result: [String: Data?] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: url.path) ?? .init() {
            let full = url.appendingPathComponent(path).path
            result[path] = FileSystem.kind(of: full) == .file ? FileManager.default.contents(atPath: full) : nil
        }
        return result
    }
}

/// Bytes that start like a PNG (all the deployer checks), different for each `seed`.
func pngBytes(_ seed: UInt8) -> Data {
    Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: seed, count: 32)
}

/// A 16×16 sprite with PNG-like bytes.
func sprite(_ name: String, category: String = "characters", seed: UInt8 = 1) -> SpriteAsset {
    SpriteAsset(
        name: name,
        category: category,
        png: pngBytes(seed),
        width: 16,
        height: 16,
        prompt: "a \(name)",
        seed: 42,
        engine: "procedural"
    )
}
