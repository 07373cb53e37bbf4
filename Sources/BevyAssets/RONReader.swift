/// Parses the RON subset Bevy `.meta` files use into `RONValue`, rejecting anything unbalanced or unfinished, or
/// nested deeper than `ScalarCursor.maxDepth` (so a hostile `sprites.assets.ron` cannot overflow the stack).
struct RONReader {
    typealias Failure = ScalarCursor.Failure

    private var cursor: ScalarCursor
    /// How many parentheses, lists and maps enclose the value being read.
    private var depth = 0

    private init(_ text: String) { cursor = ScalarCursor(text) }

    /// Reads exactly one value; trailing text other than whitespace and comments is an error.
    static func parse(_ text: String) throws(Failure) -> RONValue {
        var reader = RONReader(text)
        reader.skipTrivia()
        // `#![enable(…)]` extension headers may precede the value.
        while reader.cursor.peek() == "#" {
            while let next = reader.cursor.peek(), next != "\n" { reader.cursor.advance() }
            reader.skipTrivia()
        }
        let value = try reader.value()
        reader.skipTrivia()
        if let extra = reader.cursor.peek() { throw reader.cursor.fail("unexpected '\(extra)' after the value") }
        return value
    }

    private mutating func value() throws(Failure) -> RONValue {
        skipTrivia()
        guard let next = cursor.peek() else { throw cursor.fail("the text ends where a value should be") }
        depth += 1
        defer { depth -= 1 }
        guard depth <= ScalarCursor.maxDepth else { throw cursor.tooDeep() }
        switch next {
        case "\"":
            return .string(try string())
        case "(":
            return try parenthesized(name: nil)
        case "[":
            cursor.advance()
            return .list(try sequence(until: "]") { (reader: inout RONReader) throws(Failure) in try reader.value() })
        case "{":
            cursor.advance()
            let entries = try sequence(until: "}") { (reader: inout RONReader) throws(Failure) -> RONValue.MapEntry in
                let key = try reader.value()
                try reader.expect(":")
                return RONValue.MapEntry(key: key, value: try reader.value())
            }
            return .map(entries)
        case "-", "+", ".", "0"..."9":
            var number = ""
            while let digit = cursor.peek(), "0123456789.+-eE_xabcdefABCDEF".unicodeScalars.contains(digit) {
                number.unicodeScalars.append(digit)
                cursor.advance()
            }
            return .number(number)
        default:
            let word = identifier()
            guard !word.isEmpty else { throw cursor.fail("unexpected '\(next)'") }
            skipTrivia()
            return cursor.peek() == "(" ? try parenthesized(name: word) : .identifier(word)
        }
    }

    /// `( … )` after an optional name: a structure when the first item is `identifier:`, else a tuple.
    private mutating func parenthesized(name: String?) throws(Failure) -> RONValue {
        try expect("(")
        skipTrivia()
        let start = cursor
        let firstWord = identifier()
        skipTrivia()
        let isStructure = !firstWord.isEmpty && cursor.peek() == ":"
        cursor = start
        guard isStructure else {
            return .tuple(
                name: name,
                items: try sequence(until: ")") { (reader: inout RONReader) throws(Failure) in try reader.value() }
            )
        }
        let fields = try sequence(until: ")") { (reader: inout RONReader) throws(Failure) -> RONValue.Field in
            reader.skipTrivia()
            let field = reader.identifier()
            guard !field.isEmpty else { throw reader.cursor.fail("expected a field name") }
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
            if cursor.consume(closer) { return items }
            items.append(try item(&self))
            skipTrivia()
            if cursor.consume(closer) { return items }
            guard cursor.peek() != nil else { throw cursor.fail("the text ends before '\(closer)'") }
            try expect(",")
        }
    }

    private mutating func string() throws(Failure) -> String {
        try expect("\"")
        var text = ""
        while let next = cursor.peek() {
            cursor.advance()
            if next == "\"" { return text }
            if next == "\\" {
                guard let escaped = cursor.peek() else { break }
                cursor.advance()
                switch escaped {
                case "n": text += "\n"
                case "t": text += "\t"
                default: text.unicodeScalars.append(escaped)
                }
            } else {
                text.unicodeScalars.append(next)
            }
        }
        throw cursor.fail("a string is not closed")
    }

    private mutating func identifier() -> String {
        var word = ""
        while let next = cursor.peek(), next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "_" {
            if word.isEmpty && ("0"..."9").contains(next) { break }
            word.unicodeScalars.append(next)
            cursor.advance()
        }
        return word
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws(Failure) {
        skipTrivia()
        guard cursor.consume(scalar) else {
            throw cursor.fail(
                cursor.peek().map { "expected '\(scalar)' but found '\($0)'" } ?? "the text ends before '\(scalar)'"
            )
        }
    }

    /// Whitespace and `//` / `/* */` comments.
    private mutating func skipTrivia() {
        while let next = cursor.peek() {
            if next.properties.isWhitespace {
                cursor.advance()
            } else if next == "/", cursor.peek(offset: 1) == "/" {
                while let inComment = cursor.peek(), inComment != "\n" { cursor.advance() }
            } else if next == "/", cursor.peek(offset: 1) == "*" {
                cursor.advance()
                cursor.advance()
                while cursor.peek() != nil, !(cursor.peek() == "*" && cursor.peek(offset: 1) == "/") {
                    cursor.advance()
                }
                cursor.advance()
                cursor.advance()
            } else {
                return
            }
        }
    }

}
