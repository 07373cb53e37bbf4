import Foundation
import Testing

@testable import BevyAssets

@Suite("Bevy versions")
struct BevyVersionTests {
    @Test(
        "Parses versions and Cargo requirements",
        arguments: [
            ("0.15", BevyVersion(major: 0, minor: 15)),
            ("0.15.1", BevyVersion(major: 0, minor: 15, patch: 1)),
            ("=0.14.2", BevyVersion(major: 0, minor: 14, patch: 2)),
            ("^0.16", BevyVersion(major: 0, minor: 16)),
            ("~0.13", BevyVersion(major: 0, minor: 13)),
            (">=0.14, <0.16", BevyVersion(major: 0, minor: 14)),
            ("0.16.0-rc.2", BevyVersion(major: 0, minor: 16)),
        ]
    )
    func parses(text: String, expected: BevyVersion) {
        #expect(BevyVersion(text) == expected)
    }

    @Test("Rejects text that is not a version", arguments: ["", "bevy", "0.x", "1.2.3.4", "*"])
    func rejects(text: String) {
        #expect(BevyVersion(text) == nil)
    }

    @Test("Orders by major, minor, patch")
    func ordering() throws {
        let versions = try ["0.15.1", "0.9", "0.15", "0.14.2"].map { try #require(BevyVersion($0)) }
        #expect(versions.sorted().map(\.description) == ["0.9.0", "0.14.2", "0.15.0", "0.15.1"])
    }

    @Test("Encodes as a plain string")
    func codable() throws {
        let data = try JSONEncoder().encode([BevyVersion(major: 0, minor: 15, patch: 3)])
        #expect(String(decoding: data, as: UTF8.self) == #"["0.15.3"]"#)
        #expect(
            try JSONDecoder().decode([BevyVersion].self, from: data) == [BevyVersion(major: 0, minor: 15, patch: 3)]
        )
    }
}
