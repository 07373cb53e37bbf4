/// A TOML value as far as Cargo.toml and Cargo.lock need: strings, arrays, tables, and everything else kept raw.
enum TOMLValue: Equatable, Sendable {
    case string(String)
    /// Booleans, numbers and dates, as written.
    case raw(String)
    case array([TOMLValue])
    case table([String: TOMLValue])

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var isTrue: Bool { self == .raw("true") }

    var array: [TOMLValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var table: [String: TOMLValue]? {
        if case .table(let entries) = self { return entries }
        return nil
    }

    /// The value at a path of table keys such as `["workspace", "dependencies", "bevy"]`.
    subscript(path: String...) -> TOMLValue? { value(at: path) }

    func value(at path: [String]) -> TOMLValue? {
        var current: TOMLValue = self
        for key in path {
            guard let next = current.table?[key] else { return nil }
            current = next
        }
        return current
    }
}
