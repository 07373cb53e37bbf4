import Foundation

extension StandInJSON {
    /// The value as JSON text the way Python's `json.dumps` writes it (`", "` and `": "` separators), which is what
    /// ComfyUI's responses and WebSocket messages look like.
    package var text: String {
        var output = ""
        render(into: &output, sortedKeys: false)
        return output
    }

    /// The text as UTF-8 bytes.
    package var data: Data { Data(text.utf8) }

    /// A canonical form (sorted keys) used to recognise an identical graph for caching.
    var canonicalText: String {
        var output = ""
        render(into: &output, sortedKeys: true)
        return output
    }

    private func render(into output: inout String, sortedKeys: Bool) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let value): output += String(value)
        case .uint(let value): output += String(value)
        case .double(let value): output += Self.render(double: value)
        case .string(let text): Self.render(string: text, into: &output)
        case .array(let items):
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += ", " }
                item.render(into: &output, sortedKeys: sortedKeys)
            }
            output += "]"
        case .object(let object):
            output += "{"
            let members = sortedKeys ? object.members.sorted { $0.key < $1.key } : object.members
            for (position, member) in members.enumerated() {
                if position > 0 { output += ", " }
                Self.render(string: member.key, into: &output)
                output += ": "
                member.value.render(into: &output, sortedKeys: sortedKeys)
            }
            output += "}"
        }
    }

    private static func render(double value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        return "\(value)"
    }

    private static func render(string text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                // Python's json.dumps (ensure_ascii, aiohttp's default) writes everything outside space…tilde as
                // \uXXXX, in UTF-16 units.
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    for unit in String(scalar).utf16 { output += String(format: "\\u%04x", unit) }
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
