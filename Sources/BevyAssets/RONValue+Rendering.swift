extension RONValue {
    /// The value as compact RON text that `RONReader` (and ron itself) read back to the same value.
    var rendered: String {
        switch self {
        case .string(let text):
            var escaped = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return escaped + "\""
        case .number(let text), .identifier(let text):
            return text
        case .structure(let name, let fields):
            return (name ?? "") + "(" + fields.map { "\($0.name): \($0.value.rendered)" }.joined(separator: ", ") + ")"
        case .tuple(let name, let items):
            return (name ?? "") + "(" + items.map(\.rendered).joined(separator: ", ") + ")"
        case .list(let items):
            return "[" + items.map(\.rendered).joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.map { "\($0.key.rendered): \($0.value.rendered)" }.joined(separator: ", ") + "}"
        }
    }
}
