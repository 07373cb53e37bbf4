/// Parses the RON subset Bevy `.meta` files use into `RONValue`, rejecting anything unbalanced or unfinished.
struct RONReader {
    /// Why the text is not RON, with the line it happened on.
    struct Failure: Error, Equatable {
        var line: Int
        var reason: String
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// Reads exactly one value; trailing text other than whitespace and comments is an error.
    static func parse(_ text: String) throws(Failure) -> RONValue {
        var reader = RONReader(text)
        reader.skipTrivia()
        // `#![enable(…)]` extension headers may precede the value.
        while reader.peek() == "#" {
            while let next = reader.peek(), next != "\n" { reader.advance() }
            reader.skipTrivia()
        }
        let value = try reader.value()
        reader.skipTrivia()
        if let extra = reader.peek() { throw reader.fail("unexpected '\(extra)' after the value") }
        return value
    }

    private mutating func value() throws(Failure) -> RONValue {
        skipTrivia()
        guard let next = peek() else { throw fail("the text ends where a value should be") }
        switch next {
        case "\"":
            return .string(try string())
        case "(":
            return try parenthesized(name: nil)
        case "[":
            advance()
            return .list(try sequence(until: "]") { (reader: inout RONReader) throws(Failure) in try reader.value() })
        case "{":
            advance()
            let entries = try sequence(until: "}") { (reader: inout RONReader) throws(Failure) -> RONValue.MapEntry in
                let key = try reader.value()
                try reader.expect(":")
                return RONValue.MapEntry(key: key, value: try reader.value())
            }
            return .map(entries)
        case "-", "+", ".", "0"..."9":
            var number = ""
            while let digit = peek(), "0123456789.+-eE_xabcdefABCDEF".unicodeScalars.contains(digit) {
                number.unicodeScalars.append(digit)
                advance()
            }
            return .number(number)
        default:
            let word = identifier()
            guard !word.isEmpty else { throw fail("unexpected '\(next)'") }
            skipTrivia()
            return peek() == "(" ? try parenthesized(name: word) : .identifier(word)
        }
    }

    /// `( … )` after an optional name: a structure when the first item is `identifier:`, else a tuple.
    private mutating func parenthesized(name: String?) throws(Failure) -> RONValue {
        try expect("(")
        skipTrivia()
        let start = (index, line)
        let firstWord = identifier()
        skipTrivia()
        let isStructure = !firstWord.isEmpty && peek() == ":"
        (index, line) = start
        guard isStructure else {
            return .tuple(
                name: name,
                items: try sequence(until: ")") { (reader: inout RONReader) throws(Failure) in try reader.value() }
            )
        }
        let fields = try sequence(until: ")") { (reader: inout RONReader) throws(Failure) -> RONValue.Field in
            reader.skipTrivia()
            let field = reader.identifier()
            guard !field.isEmpty else { throw reader.fail("expected a field name") }
            try reader.expect(":")
            return RONValue.Field(name: field, value: try reader.value())
        }
        return .structure(name: name, fields: fields)
    }

    /// Comma-separated items up to `closer`, trailing comma allowed.
    private mutating func sequence<Item>(
        until closer: Unicode.Scalar,
        item: (inout RONReader) throws(Failure) -> Item
    ) throws(Failure) -> [Item] {
        var items: [Item] = []
        while true {
            skipTrivia()
            if consume(closer) { return items }
            items.append(try item(&self))
            skipTrivia()
            if consume(closer) { return items }
            guard peek() != nil else { throw fail("the text ends before '\(closer)'") }
            try expect(",")
        }
    }

    private mutating func string() throws(Failure) -> String {
        try expect("\"")
        var text = ""
        while let next = peek() {
            advance()
            if next == "\"" { return text }
            if next == "\\" {
                guard let escaped = peek() else { break }
                advance()
                switch escaped {
                case "n": text += "\n"
                case "t": text += "\t"
                default: text.unicodeScalars.append(escaped)
                }
            } else {
                text.unicodeScalars.append(next)
            }
        }
        throw fail("a string is not closed")
    }

    private mutating func identifier() -> String {
        var word = ""
        while let next = peek(), next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "_" {
            if word.isEmpty && ("0"..."9").contains(next) { break }
            word.unicodeScalars.append(next)
            advance()
        }
        return word
    }

    private func peek() -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" { line += 1 }
        index += 1
    }

    private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        advance()
        return true
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws(Failure) {
        skipTrivia()
        guard consume(scalar) else {
            throw fail(peek().map { "expected '\(scalar)' but found '\($0)'" } ?? "the text ends before '\(scalar)'")
        }
    }

    /// Whitespace and `//` / `/* */` comments.
    private mutating func skipTrivia() {
        while let next = peek() {
            if next.properties.isWhitespace {
                advance()
            } else if next == "/", index + 1 < scalars.count, scalars[index + 1] == "/" {
                while let inComment = peek(), inComment != "\n" { advance() }
            } else if next == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                advance()
                advance()
                while peek() != nil, !(peek() == "*" && index + 1 < scalars.count && scalars[index + 1] == "/") {
                    advance()
                }
                advance()
                advance()
            } else {
                return
            }
        }
    }

    private func fail(_ reason: String) -> Failure { Failure(line: line, reason: reason) }
}
