/// The rule for sprite names and categories: 1 to 64 characters from `a-z`, `0-9`, `_` and `-`, so a name is
/// always one safe path component on every file system.
package enum AssetName {
    package static let maximumLength = 64

    /// Throws `invalidName` naming `field` and the first offending character.
    package static func validate(_ value: String, field: String) throws(BevyAssetsError) {
        let shown = escaped(value)
        guard !value.isEmpty else { throw .invalidName(field: field, value: shown, reason: "is empty") }
        for (offset, scalar) in value.unicodeScalars.enumerated() where !isAllowed(scalar) {
            let character = escaped(String(scalar))
            let reason: String
            if ("A"..."Z").contains(scalar) {
                reason = "has upper-case '\(character)' at position \(offset + 1); use '\(value.lowercased())'"
            } else {
                reason = "has '\(character)' at position \(offset + 1), which is not allowed"
            }
            throw .invalidName(field: field, value: shown, reason: reason)
        }
        guard value.unicodeScalars.count <= maximumLength else {
            throw .invalidName(field: field, value: shown, reason: "is \(value.unicodeScalars.count) characters long")
        }
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }

    /// Control characters (NUL above all) shown as escapes, so a message never carries them raw.
    private static func escaped(_ value: String) -> String {
        var shown = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\0": shown += "\\0"
            case "\n": shown += "\\n"
            case "\t": shown += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                shown += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
