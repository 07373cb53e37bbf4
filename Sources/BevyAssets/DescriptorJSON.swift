import Foundation

/// How every descriptor a deploy writes beside a PNG (`.sheet.json`, `.tileset.json`) is encoded.
enum DescriptorJSON {
    /// Stable JSON: sorted keys, pretty-printed, slashes unescaped, a trailing newline.
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Plain strings and numbers always encode; the empty object is an unreachable fallback.
        var data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }
}
