import Foundation

/// A small reader for the TOML that Cargo.toml and Cargo.lock use.
///
/// It handles tables, arrays of tables, dotted keys, strings, arrays and inline tables. Not a general TOML
/// parser: it keeps what deployment needs and no more. Nesting (arrays, inline tables, and the parts of a key) is
/// bounded by `ScalarCursor.maxDepth`, so a hostile Cargo.toml is refused instead of overflowing the stack.
struct TOMLReader {
    typealias Failure = ScalarCursor.Failure

    private var cursor: ScalarCursor
    /// How many arrays and inline tables enclose the value being read.
    private var depth = 0

    private init(_ text: String) { cursor = ScalarCursor(text) }

    /// Reads a whole document into its root table.
    static func parse(_ text: String) throws(Failure) -> TOMLValue {
        var reader = TOMLReader(text)
        return try reader.document()
    }

    private mutating func document() throws(Failure) -> TOMLValue {
        var root: TOMLValue = .table([:])
        var currentTable: [String] = []
        while true {
            skipTrivia(newlines: true)
            guard let next = cursor.peek() else { return root }
            if next == "[" {
                cursor.advance()
                let isArray = cursor.peek() == "["
                if isArray { cursor.advance() }
                skipTrivia(newlines: false)
                let path = try key()
                try expect("]")
                if isArray { try expect("]") }
                // `#last` adds a level to the path of an array of tables.
                try checkDepth(path.count + 1)
                if isArray {
                    try appendTable(at: path, in: &root)
                    currentTable = path + ["#last"]
                } else {
                    try insert(.table([:]), at: path, in: &root, replacing: false)
                    currentTable = path
                }
            } else {
                let path = try key()
                try checkDepth(currentTable.count + path.count)
                try expect("=")
                let item = try value()
                try insert(item, at: currentTable + path, in: &root, replacing: true)
            }
            skipTrivia(newlines: false)
            if let next = cursor.peek(), next != "\n" { throw cursor.fail("unexpected '\(next)' after a value") }
        }
    }

    // MARK: Building tables

    /// Inserts `item`; "#last" in a path means the newest table of an array of tables.
    ///
    /// Works in place (each level is moved out of `node` before it changes), so a Cargo.lock with thousands of
    /// `[[package]]` tables is read in linear time.
    private func insert(_ item: TOMLValue, at path: [String], in node: inout TOMLValue, replacing: Bool) throws(Failure)
    {
        try insert(item, at: path[...], in: &node, mode: replacing ? .replace : .keep)
    }

    /// What `insert` does with the last key of its path.
    private enum Placement {
        /// Sets the value unless the key is already there.
        case keep
        /// Sets the value.
        case replace
        /// Appends the value to the array there (an array of tables).
        case append
    }

    private func insert(
        _ item: TOMLValue,
        at path: ArraySlice<String>,
        in node: inout TOMLValue,
        mode: Placement
    ) throws(Failure) {
        guard let key = path.first else { return }
        if key == "#last", case .array(var items) = node, let last = items.indices.last {
            node = .array([])
            try insert(item, at: path.dropFirst(), in: &items[last], mode: mode)
            node = .array(items)
            return
        }
        guard case .table(var entries) = node else {
            throw cursor.fail("'\(key)' is inside a value that is not a table")
        }
        node = .table([:])
        defer { node = .table(entries) }
        if path.count > 1 {
            try insert(item, at: path.dropFirst(), in: &entries[key, default: .table([:])], mode: mode)
            return
        }
        switch mode {
        case .keep where entries[key] == nil, .replace:
            entries[key] = item
        case .keep:
            break
        case .append:
            guard case .array(var items) = entries[key] ?? .array([]) else {
                throw cursor.fail("'\(key)' is an array of tables and also another value")
            }
            entries[key] = nil
            items.append(item)
            entries[key] = .array(items)
        }
    }

    private func appendTable(at path: [String], in root: inout TOMLValue) throws(Failure) {
        try insert(.table([:]), at: path[...], in: &root, mode: .append)
    }

    // MARK: Keys and values

    private mutating func key() throws(Failure) -> [String] {
        var parts: [String] = []
        repeat {
            skipTrivia(newlines: false)
            if cursor.peek() == "\"" || cursor.peek() == "'" {
                parts.append(try quotedString())
            } else {
                var bare = ""
                while let next = cursor.peek(),
                    next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "_" || next == "-"
                {
                    bare.unicodeScalars.append(next)
                    cursor.advance()
                }
                guard !bare.isEmpty else { throw cursor.fail("expected a key") }
                parts.append(bare)
            }
            try checkDepth(parts.count)
            skipTrivia(newlines: false)
        } while cursor.consume(".")
        return parts
    }

    private mutating func value() throws(Failure) -> TOMLValue {
        skipTrivia(newlines: false)
        switch cursor.peek() {
        case "\"", "'":
            return .string(try quotedString())
        case "[":
            cursor.advance()
            try enter()
            defer { depth -= 1 }
            var items: [TOMLValue] = []
            while true {
                skipTrivia(newlines: true)
                if cursor.consume("]") { return .array(items) }
                items.append(try value())
                skipTrivia(newlines: true)
                if cursor.consume("]") { return .array(items) }
                try expect(",")
            }
        case "{":
            cursor.advance()
            try enter()
            defer { depth -= 1 }
            var entries: TOMLValue = .table([:])
            skipTrivia(newlines: true)
            if cursor.consume("}") { return entries }
            while true {
                let path = try key()
                try checkDepth(depth + path.count)
                try expect("=")
                try insert(try value(), at: path, in: &entries, replacing: true)
                skipTrivia(newlines: true)
                if cursor.consume("}") { return entries }
                try expect(",")
                skipTrivia(newlines: true)
            }
        default:
            var raw = ""
            while let next = cursor.peek(), !",]}#=".unicodeScalars.contains(next), !next.properties.isWhitespace {
                raw.unicodeScalars.append(next)
                cursor.advance()
            }
            guard !raw.isEmpty else { throw cursor.fail("expected a value") }
            return .raw(raw)
        }
    }

    /// Basic ("…", with escapes), literal ('…') and their multi-line forms.
    private mutating func quotedString() throws(Failure) -> String {
        guard let quote = cursor.peek() else { throw cursor.fail("expected a string") }
        cursor.advance()
        let multiLine = cursor.peek() == quote && cursor.peek(offset: 1) == quote
        if multiLine {
            cursor.advance(2)
            if cursor.peek() == "\n" { cursor.advance() }
        }
        var text = ""
        while let next = cursor.peek() {
            if next == quote && (!multiLine || (cursor.peek(offset: 1) == quote && cursor.peek(offset: 2) == quote)) {
                cursor.advance(multiLine ? 3 : 1)
                return text
            }
            if next == "\n" && !multiLine { break }
            cursor.advance()
            if next == "\\" && quote == "\"" {
                guard let escaped = cursor.peek() else { break }
                cursor.advance()
                switch escaped {
                case "n": text += "\n"
                case "t": text += "\t"
                case "\"", "\\": text.unicodeScalars.append(escaped)
                default: text.unicodeScalars.append(contentsOf: ["\\", escaped])
                }
            } else {
                text.unicodeScalars.append(next)
            }
        }
        throw cursor.fail("a string is not closed")
    }

    // MARK: Scanning

    /// One level deeper into an array or inline table.
    private mutating func enter() throws(Failure) {
        depth += 1
        try checkDepth(depth)
    }

    private func checkDepth(_ levels: Int) throws(Failure) {
        guard levels <= ScalarCursor.maxDepth else { throw cursor.tooDeep() }
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws(Failure) {
        skipTrivia(newlines: false)
        guard cursor.consume(scalar) else { throw cursor.fail("expected '\(scalar)'") }
    }

    /// Skips spaces, tabs, carriage returns and comments, and newlines too when asked.
    private mutating func skipTrivia(newlines: Bool) {
        while let next = cursor.peek() {
            if next == " " || next == "\t" || next == "\r" || (newlines && next == "\n") {
                cursor.advance()
            } else if next == "#" {
                while let inComment = cursor.peek(), inComment != "\n" { cursor.advance() }
            } else {
                return
            }
        }
    }

}
