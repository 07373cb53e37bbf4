/// The `{{name}}` placeholders in template strings.
///
/// A name is a letter or `_` followed by letters, digits or `_`;
/// other braces are plain text.
enum Placeholder {
    /// One piece of a string: literal text or a placeholder name.
    enum Piece: Equatable {
        case text(String)
        case placeholder(String)
    }

    /// The string split into literal text and placeholders.
    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = Substring()
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            if let close = afterOpen.range(of: "}}"), isName(afterOpen[..<close.lowerBound]) {
                literal += rest[..<open.lowerBound]
                if !literal.isEmpty { pieces.append(.text(String(literal))) }
                literal = ""
                pieces.append(.placeholder(String(afterOpen[..<close.lowerBound])))
                rest = afterOpen[close.upperBound...]
            } else {
                literal += rest[..<open.upperBound]
                rest = afterOpen
            }
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.text(String(literal))) }
        return pieces
    }

    /// The names used in `text`, in order of appearance.
    static func names(in text: String) -> [String] {
        pieces(of: text).compactMap { piece in
            if case .placeholder(let name) = piece { return name }
            return nil
        }
    }

    /// The placeholder name when `text` is exactly one placeholder (`"{{seed}}"`), which is replaced by a typed value.
    static func wholeName(of text: String) -> String? {
        let pieces = pieces(of: text)
        guard pieces.count == 1, case .placeholder(let name) = pieces[0] else { return nil }
        return name
    }

    static func isName(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic && first.isASCII
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
        }
    }
}
