import Foundation

/// A form body read as aiohttp's `request.post()` reads it: `multipart/form-data` parts, or
/// `application/x-www-form-urlencoded` fields; any other body has no fields.
struct FormBody {
    /// One field.
    ///
    /// A part with a non-empty `filename` is a file; aiohttp reads `filename=""` as a plain field.
    struct Field {
        let name: String
        let filename: String?
        let content: Data

        var isFile: Bool { filename.map { !$0.isEmpty } ?? false }
        var text: String { String(decoding: content, as: UTF8.self) }
    }

    let fields: [Field]

    /// The first field named `name` (aiohttp's `post.get`).
    subscript(name: String) -> Field? { fields.first { $0.name == name } }

    /// Reads `body`; nil when it claims to be multipart but cannot be read (aiohttp then fails with HTTP 500).
    init?(body: Data, contentType: String?) {
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", in: contentType ?? ""),
                let fields = Self.multipart(body, boundary: boundary)
            else { return nil }
            self.fields = fields
        } else if type.hasPrefix("application/x-www-form-urlencoded") {
            fields = Self.urlEncoded(body)
        } else {
            fields = []
        }
    }

    private static func multipart(_ body: Data, boundary: String) -> [Field]? {
        let bytes = [UInt8](body)
        let delimiter = [UInt8]("--\(boundary)".utf8)
        var fields: [Field] = []
        guard var position = find(delimiter, in: bytes, from: 0) else { return nil }
        while true {
            position += delimiter.count
            if bytes[position...].starts(with: [UInt8]("--".utf8)) { return fields }
            guard bytes[position...].starts(with: [UInt8]("\r\n".utf8)) else { return nil }
            position += 2
            guard let headEnd = find([UInt8]("\r\n\r\n".utf8), in: bytes, from: position),
                let next = find([UInt8]("\r\n".utf8) + delimiter, in: bytes, from: headEnd + 4)
            else { return nil }
            let head = String(decoding: bytes[position..<headEnd], as: UTF8.self)
            guard let field = field(head: head, content: Data(bytes[(headEnd + 4)..<next])) else { return nil }
            fields.append(field)
            position = next + 2
        }
    }

    private static func field(head: String, content: Data) -> Field? {
        for line in head.components(separatedBy: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-disposition" else { continue }
            let value = String(parts[1])
            guard let name = parameter("name", in: value) else { return nil }
            return Field(name: name, filename: parameter("filename", in: value), content: content)
        }
        return nil
    }

    /// A `key=value` or `key="quoted \" value"` parameter of a header value.
    private static func parameter(_ key: String, in header: String) -> String? {
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard rest.lowercased().hasPrefix(key.lowercased() + "=") else { continue }
            let value = rest.dropFirst(key.count + 1)
            guard value.first == "\"" else { return String(value.prefix { $0 != ";" }) }
            var text = ""
            var escaped = false
            for character in value.dropFirst() {
                if escaped {
                    text.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    return text
                } else {
                    text.append(character)
                }
            }
            return nil
        }
        return nil
    }

    private static func urlEncoded(_ body: Data) -> [Field] {
        String(decoding: body, as: UTF8.self).split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return Field(
                name: decode(parts[0]),
                filename: nil,
                content: Data(decode(parts.dropFirst().first ?? "").utf8)
            )
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
