import Foundation
import TestSupport
import Testing

@testable import BevyAssets

/// The readers of project files are bounded: hostile nesting or size is an error naming the file, never a crash.
@Suite("Limits of the project file readers")
struct ReaderLimitTests {
    static let deepTOMLTexts: [String] = [
        "a = " + String(repeating: "[", count: 100_000),
        "a = " + String(repeating: "{b=", count: 100_000),
        String(repeating: "a.", count: 100_000) + "a = 1",
        "[" + String(repeating: "a.", count: 100_000) + "a]",
        "[[" + String(repeating: "a.", count: 200) + "a]]",
        "a = [" + String(repeating: "{b=[", count: 64) + "1" + String(repeating: "]}", count: 64) + "]",
    ]

    @Test("TOML nested deeper than 128 levels is refused", arguments: deepTOMLTexts)
    func deepTOML(text: String) {
        #expect(throws: TOMLReader.Failure(line: 1, reason: "nested deeper than 128 levels")) {
            try TOMLReader.parse(text)
        }
    }

    @Test("TOML nested 128 levels deep is read")
    func deepestTOML() throws {
        let text = "a = " + String(repeating: "[", count: 128) + "1" + String(repeating: "]", count: 128)
        var value = try #require(try TOMLReader.parse(text)["a"])
        for _ in 1..<128 { value = try #require(value.array?.first) }
        #expect(value == .array([.raw("1")]))
    }

    @Test("Reads a lock file's thousands of [[package]] tables in order")
    func manyPackages() throws {
        let text = (0..<5_000).map { "[[package]]\nname = \"crate\($0)\"\nversion = \"1.0.\($0)\"\n" }.joined()
        let packages = try #require(try TOMLReader.parse(text)["package"]?.array)
        #expect(packages.count == 5_000)
        #expect(packages[4_321]["name"] == .string("crate4321"))
    }

    static let deepRONTexts: [String] = [
        String(repeating: "(", count: 100_000),
        String(repeating: "[", count: 100_000),
        String(repeating: "{", count: 100_000),
        String(repeating: "A(", count: 100_000),
        String(repeating: "(a: ", count: 100_000),
        "(" + String(repeating: "{\"k\": [", count: 70) + "1" + String(repeating: "]}", count: 70) + ")",
    ]

    @Test("RON nested deeper than 128 levels is refused", arguments: deepRONTexts)
    func deepRON(text: String) {
        #expect(throws: RONReader.Failure(line: 1, reason: "nested deeper than 128 levels")) {
            try RONReader.parse(text)
        }
    }

    @Test("A deeply nested Cargo.toml is an error naming the file and the limit")
    func deepCargoToml() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let manifest = try folder.write(
            "[dependencies]\nbevy = \"0.15\"\nx = " + String(repeating: "[", count: 100_000),
            to: "Cargo.toml"
        )
        #expect {
            try BevyProject.detect(at: folder.path)
        } throws: { error in
            let text = (error as? BevyAssetsError)?.description ?? ""
            return text.contains(manifest.path) && text.contains("nested deeper than 128 levels")
        }
    }

    @Test("A Cargo.toml over 16 MiB is refused naming the file and the limit")
    func hugeCargoToml() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let padding = String(repeating: "# padding\n", count: ProjectFile.maxBytes / 10 + 1)
        let manifest = try folder.write("[dependencies]\nbevy = \"0.15\"\n" + padding, to: "Cargo.toml")
        #expect(throws: BevyAssetsError.projectFileTooLarge(path: manifest.path, limit: 16 * 1024 * 1024)) {
            try BevyProject.detect(at: folder.path)
        }
        #expect(
            BevyAssetsError.projectFileTooLarge(path: manifest.path, limit: ProjectFile.maxBytes).description
                .hasPrefix("\(manifest.path) is larger than 16 MiB")
        )
    }

    @Test("A deeply nested Cargo.lock is skipped with a note naming it, and the Cargo.toml requirement used")
    func deepCargoLock() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("[package]\nname = \"game\"\n[dependencies]\nbevy = \"0.15\"\n", to: "Cargo.toml")
        let lock = try folder.write("a = " + String(repeating: "{b=", count: 100_000), to: "Cargo.lock")
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("assets"),
            withIntermediateDirectories: true
        )
        let project = try BevyProject.detect(at: folder.path)
        #expect(project.versionSource == .cargoToml)
        #expect(project.notes.contains { $0.contains(lock.path) && $0.contains("nested deeper than 128 levels") })
    }

    @Test("A deeply nested sprites.assets.ron is an error naming the file and the limit")
    func deepCollection() {
        let path = "/game/assets/sprites/sprites.assets.ron"
        #expect {
            try AssetCollection.merged(
                existing: "(" + String(repeating: "{\"a\": (", count: 100_000),
                at: path,
                entries: [:]
            )
        } throws: { error in
            let text = (error as? BevyAssetsError)?.description ?? ""
            return text.contains(path) && text.contains("nested deeper than 128 levels")
        }
    }

    @Test("A collection whose entries would nest too deep once merged is refused, not written unreadable")
    func collectionDeepAfterMerge() throws {
        let path = "/game/assets/sprites/sprites.assets.ron"
        let existing = "{\"k\": " + String(repeating: "[", count: 127) + String(repeating: "]", count: 127) + "}"
        _ = try RONReader.parse(existing)
        #expect(
            throws: BevyAssetsError.collectionCorrupt(
                path: path,
                reason: "merged, it would be nested deeper than 128 levels"
            )
        ) {
            try AssetCollection.merged(existing: existing, at: path, entries: [:])
        }
        let shallower = "{\"k\": " + String(repeating: "[", count: 126) + String(repeating: "]", count: 126) + "}"
        _ = try RONReader.parse(try AssetCollection.merged(existing: shallower, at: path, entries: [:]))
    }

    @Test("Reads at most the limit: one byte more is too large, a missing file is missing")
    func projectFileLimit() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("12345", to: "Cargo.lock")
        #expect(ProjectFile.contents(of: file, limit: 5) == .success(Data("12345".utf8)))
        #expect(ProjectFile.contents(of: file, limit: 4) == .failure(.tooLarge))
        #expect(ProjectFile.contents(of: folder.url.appendingPathComponent("none"), limit: 4) == .failure(.missing))
        #expect(ProjectFile.contents(of: folder.url, limit: 4) == .failure(.unreadable))
    }
}
