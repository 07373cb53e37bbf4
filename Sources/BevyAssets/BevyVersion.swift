import Foundation

/// A Bevy release as `major.minor.patch`, read from a Cargo.lock version or a Cargo.toml requirement.
package struct BevyVersion: Comparable, Codable, Hashable, Sendable, CustomStringConvertible {
    package var major: Int
    package var minor: Int
    package var patch: Int

    package init(major: Int, minor: Int, patch: Int = 0) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses "0.15", "0.15.1", or the first version of a requirement ("=0.14.2", "^0.16", ">=0.14, <0.16").
    package init?(_ text: String) {
        let first = text.split(separator: ",", omittingEmptySubsequences: false).first ?? ""
        var version = first.trimmingCharacters(in: .whitespaces)
        while let head = version.first, "=^~<>v ".contains(head) { version.removeFirst() }
        // Pre-release and build metadata ("0.15.0-rc.2", "+build") do not change the loader.
        if let cut = version.firstIndex(where: { $0 == "-" || $0 == "+" }) { version = String(version[..<cut]) }
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy(\.isASCII), let number = Int(part), number >= 0 else { return nil }
            numbers.append(number)
        }
        self.init(
            major: numbers[0],
            minor: numbers.count > 1 ? numbers[1] : 0,
            patch: numbers.count > 2 ? numbers[2] : 0
        )
    }

    package var description: String { "\(major).\(minor).\(patch)" }

    package static func < (lhs: BevyVersion, rhs: BevyVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let version = BevyVersion(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a version: \(text)")
            )
        }
        self = version
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
