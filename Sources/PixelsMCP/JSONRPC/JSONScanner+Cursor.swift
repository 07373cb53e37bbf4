extension JSONScanner {
    /// The position in the bytes being scanned; recursion is bounded by `maxDepth`.
    struct Cursor {
        let bytes: UnsafeRawBufferPointer
        let maxDepth: Int
        var index = 0

        init(bytes: UnsafeRawBufferPointer, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        /// The byte at the cursor, or 0 at the end (0 is never valid JSON outside strings).
        var peek: UInt8 { index < bytes.count ? bytes[index] : 0 }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        func fail(_ reason: String) -> Failure {
            .syntax(reason, offset: index)
        }

        mutating func value(depth: Int) throws(Failure) {
            switch peek {
            case UInt8(ascii: "{"): _ = try object(depth: depth + 1, recording: false)
            case UInt8(ascii: "["): try array(depth: depth + 1)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            case 0 where index >= bytes.count: throw fail("the message ends where a value should be")
            default: throw fail("unexpected character where a value should be")
            }
        }

        mutating func object(depth: Int, recording: Bool) throws(Failure) -> Members {
            guard depth <= maxDepth else { throw .tooDeep(limit: maxDepth) }
            var members = Members()
            index += 1  // {
            skipWhitespace()
            if peek == UInt8(ascii: "}") {
                index += 1
                return members
            }
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else { throw fail("expected a quoted member name") }
                let keyStart = index
                try string()
                let key = recording ? JSONScanner.unescape(bytes, from: keyStart + 1, to: index - 1) : ""
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { throw fail("expected ':' after a member name") }
                index += 1
                skipWhitespace()
                let valueStart = index
                try value(depth: depth)
                if recording { members.ranges[key] = valueStart..<index }
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return members
                default: throw fail("expected ',' or '}' in an object")
                }
            }
        }

        mutating func array(depth: Int) throws(Failure) {
            guard depth <= maxDepth else { throw .tooDeep(limit: maxDepth) }
            index += 1  // [
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                try value(depth: depth)
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    return
                default: throw fail("expected ',' or ']' in an array")
                }
            }
        }

        /// A string, cursor on its opening quote; checks escapes, control characters and UTF-8.
        mutating func string() throws(Failure) {
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return
                }
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count else { break }
                    switch bytes[index + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 2
                    case UInt8(ascii: "u"):
                        try unicodeEscape()
                    default: throw fail("unknown escape in a string")
                    }
                    continue
                }
                if byte < 0x20 { throw fail("a control character inside a string must be escaped") }
                if byte < 0x80 {
                    index += 1
                    continue
                }
                try utf8Sequence()
            }
            throw fail("a string is not closed")
        }

        /// A `\uXXXX` escape, cursor on its backslash.
        ///
        /// A surrogate must come as a high and low pair (`\ud83d\ude00`): the decoders after the scanner refuse a lone one, so it is refused here, as a parse
        /// error, rather than as a confusing parameter error later.
        private mutating func unicodeEscape() throws(Failure) {
            guard let code = hexCode(at: index + 2) else { throw fail("a \\u escape needs four hex digits") }
            index += 6
            if (0xDC00...0xDFFF).contains(code) { throw fail("a \\u escape is a low surrogate without a high one") }
            guard (0xD800...0xDBFF).contains(code) else { return }
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                let low = hexCode(at: index + 2), (0xDC00...0xDFFF).contains(low)
            else { throw fail("a \\u escape is a high surrogate without a low one") }
            index += 6
        }

        /// The value of four hex digits at `start`, or nil.
        private func hexCode(at start: Int) -> UInt32? {
            guard start + 4 <= bytes.count else { return nil }
            var code: UInt32 = 0
            for offset in 0..<4 {
                guard let digit = JSONScanner.hexValue(bytes[start + offset]) else { return nil }
                code = code << 4 | UInt32(digit)
            }
            return code
        }

        /// One multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
        private mutating func utf8Sequence() throws(Failure) {
            let lead = bytes[index]
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: throw fail("invalid UTF-8")
            }
            guard index + length <= bytes.count else { throw fail("invalid UTF-8") }
            let second = bytes[index + 1]
            guard second >= lower, second <= upper else { throw fail("invalid UTF-8") }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { throw fail("invalid UTF-8") }
            index += length
        }

        /// A number; one too large for a `Double` (`1e400`) is refused, as the decoders after the scanner refuse it.
        mutating func number() throws(Failure) {
            let start = index
            if peek == UInt8(ascii: "-") { index += 1 }
            switch peek {
            case UInt8(ascii: "0"): index += 1
            case UInt8(ascii: "1")...UInt8(ascii: "9"): skipDigits()
            default: throw fail("a number needs digits")
            }
            // Only a long integer part or an exponent can overflow; everything else skips the conversion.
            var mayOverflow = index - start > 300
            if peek == UInt8(ascii: ".") {
                index += 1
                guard isDigit(peek) else { throw fail("a fraction needs digits") }
                skipDigits()
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                mayOverflow = true
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard isDigit(peek) else { throw fail("an exponent needs digits") }
                skipDigits()
            }
            if mayOverflow {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                guard let value = Double(text), value.isFinite else {
                    index = start
                    throw fail("a number too large for a 64-bit float")
                }
            }
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        private mutating func skipDigits() {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw fail("unexpected end of the message") }
            let expected = UnsafeRawBufferPointer(start: word.utf8Start, count: count)
            for offset in 0..<count where bytes[index + offset] != expected[offset] {
                throw fail("unexpected word where a value should be")
            }
            index += count
        }
    }
}
