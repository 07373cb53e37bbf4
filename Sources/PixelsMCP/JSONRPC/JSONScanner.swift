/// Checks that a byte buffer is exactly one JSON value, in one pass and without building it, and records where the
/// members of a top-level object lie.
///
/// Every message a client sends goes through here before anything decodes it, so a message the decoders would choke
/// on is refused in linear time: malformed JSON, invalid UTF-8, or nesting deeper than `maxDepth` (Foundation's
/// decoders recurse, and the SDK's `Value` decoder tries each type in turn at every level, so a small deeply nested
/// message could cost seconds or the stack).
struct JSONScanner {
    /// Why the bytes are not one acceptable JSON value.
    enum Failure: Error, Equatable {
        /// Not JSON: what was wrong, and the byte offset where it was found.
        case syntax(String, offset: Int)
        /// Valid up to a container nested deeper than the limit.
        case tooDeep(limit: Int)
    }

    /// A top-level object's members: each key (unescaped) with the byte range of its value; the last one wins.
    struct Members {
        var ranges: [String: Range<Int>] = [:]
    }

    /// What the top level is.
    enum TopLevel {
        case object(Members)
        case array
        case scalar
    }

    /// Scans `bytes`; only a top-level object's members are recorded.
    static func scan(_ bytes: UnsafeRawBufferPointer, maxDepth: Int) throws(Failure) -> TopLevel {
        var scanner = Cursor(bytes: bytes, maxDepth: maxDepth)
        scanner.skipWhitespace()
        let top: TopLevel
        switch scanner.peek {
        case UInt8(ascii: "{"): top = .object(try scanner.object(depth: 1, recording: true))
        case UInt8(ascii: "["):
            try scanner.array(depth: 1)
            top = .array
        default:
            try scanner.value(depth: 0)
            top = .scalar
        }
        scanner.skipWhitespace()
        guard scanner.index == bytes.count else {
            throw .syntax("unexpected text after the JSON value", offset: scanner.index)
        }
        return top
    }

    /// The text of the JSON string whose quoted form is `bytes[range]` (the range the scanner recorded for a value),
    /// or nil when that value is not a string.
    static func string(in bytes: UnsafeRawBufferPointer, at range: Range<Int>) -> String? {
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "\""),
            bytes[range.upperBound - 1] == UInt8(ascii: "\"")
        else { return nil }
        return unescape(bytes, from: range.lowerBound + 1, to: range.upperBound - 1)
    }

    /// Decodes the escapes of a string body the scanner already checked.
    static func unescape(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(end - start)
        var index = start
        var pendingHigh: UInt32?
        func append(scalar value: UInt32) {
            guard let scalar = Unicode.Scalar(value) else {
                output += [0xEF, 0xBF, 0xBD]
                return
            }
            output += Array(String(Character(scalar)).utf8)
        }
        while index < end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < end else {
                if let high = pendingHigh {
                    append(scalar: high)
                    pendingHigh = nil
                }
                output.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            if escape == UInt8(ascii: "u"), index + 4 <= end {
                var code: UInt32 = 0
                for offset in 0..<4 { code = code << 4 | UInt32(hexValue(bytes[index + offset]) ?? 0) }
                index += 4
                if (0xD800...0xDBFF).contains(code) {
                    if let high = pendingHigh { append(scalar: high) }
                    pendingHigh = code
                } else if (0xDC00...0xDFFF).contains(code), let high = pendingHigh {
                    append(scalar: 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
                    pendingHigh = nil
                } else {
                    if let high = pendingHigh { append(scalar: high) }
                    pendingHigh = nil
                    append(scalar: code)
                }
                continue
            }
            if let high = pendingHigh {
                append(scalar: high)
                pendingHigh = nil
            }
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            default: output.append(escape)  // \" \\ \/
            }
        }
        if let high = pendingHigh { append(scalar: high) }
        return String(decoding: output, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
