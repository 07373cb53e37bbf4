import Foundation

extension StandInJSON {
    /// Why a body is not JSON.
    struct ParseError: Error {}

    /// The deepest nesting the parser accepts (as deep as Python's `json` goes by default, and far short of what
    /// would overflow a NIO thread's stack).
    static let maxDepth = 512

    /// Parses UTF-8 JSON text (RFC 8259), keeping object key order and integer-ness.
    init(parsing data: Data) throws(ParseError) {
        var parser = Parser(bytes: Array(data))
        parser.skipWhitespace()
        self = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw ParseError() }
    }

    /// A small recursive-descent parser over bytes.
    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value(depth: Int) throws(ParseError) -> StandInJSON {
            guard depth < StandInJSON.maxDepth, index < bytes.count else { throw ParseError() }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"):
                try literal("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                return .null
            default: return try number()
            }
        }

        private mutating func literal(_ word: String) throws(ParseError) {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected
            else { throw ParseError() }
            index += expected.count
        }

        private mutating func object(depth: Int) throws(ParseError) -> StandInJSON {
            index += 1
            var object = JSONObject()
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(object)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw ParseError() }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw ParseError() }
                index += 1
                skipWhitespace()
                object[key] = try value(depth: depth + 1)
                skipWhitespace()
                guard index < bytes.count else { throw ParseError() }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(object)
                } else {
                    throw ParseError()
                }
            }
        }

        private mutating func array(depth: Int) throws(ParseError) -> StandInJSON {
            index += 1
            var items: [StandInJSON] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw ParseError() }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                } else {
                    throw ParseError()
                }
            }
        }

        private mutating func string() throws(ParseError) -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() throws(ParseError) {
                guard !raw.isEmpty else { return }
                guard let text = String(validating: raw, as: UTF8.self) else { throw ParseError() }
                scalars.append(contentsOf: text.unicodeScalars)
                raw.removeAll(keepingCapacity: true)
            }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    try flush()
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    try flush()
                    scalars.append(try escape())
                case 0..<0x20:
                    throw ParseError()
                default:
                    raw.append(byte)
                }
            }
            throw ParseError()
        }

        private mutating func escape() throws(ParseError) -> Unicode.Scalar {
            guard index < bytes.count else { throw ParseError() }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let first = try hex4()
                if (0xD800..<0xDC00).contains(first), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                {
                    index += 2
                    let second = try hex4()
                    guard (0xDC00..<0xE000).contains(second) else { throw ParseError() }
                    let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    return Unicode.Scalar(combined) ?? "\u{FFFD}"
                }
                return Unicode.Scalar(first) ?? "\u{FFFD}"
            default:
                throw ParseError()
            }
        }

        private mutating func hex4() throws(ParseError) -> UInt32 {
            guard index + 4 <= bytes.count,
                let text = String(validating: bytes[index..<index + 4], as: UTF8.self),
                let value = UInt32(text, radix: 16)
            else { throw ParseError() }
            index += 4
            return value
        }

        private mutating func number() throws(ParseError) -> StandInJSON {
            let start = index
            var isInteger = true
            while index < bytes.count {
                let byte = bytes[index]
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") {
                    index += 1
                } else if [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+")].contains(byte) {
                    isInteger = false
                    index += 1
                } else {
                    break
                }
            }
            guard index > start, let text = String(validating: bytes[start..<index], as: UTF8.self) else {
                throw ParseError()
            }
            if isInteger, let value = Int64(text) { return .int(value) }
            if isInteger, let value = UInt64(text) { return .uint(value) }
            guard let value = Double(text), value.isFinite else { throw ParseError() }
            return .double(value)
        }
    }
}
