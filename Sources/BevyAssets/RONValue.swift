/// A RON value as far as a `.meta` file needs: enough structure to check what Bevy's deserializer will demand.
indirect enum RONValue: Equatable {
    case string(String)
    case number(String)
    /// Bare words: `true`, `None`, unit variants such as `Nearest`.
    case identifier(String)
    /// `Name(field: value, …)` or `(field: value, …)`; fields in the order written.
    case structure(name: String?, fields: [Field])
    /// `Name(value, …)` or `(value, …)`: newtypes, tuple variants, tuples.
    case tuple(name: String?, items: [RONValue])
    case list([RONValue])
    case map([MapEntry])

    /// One `field: value` of a structure.
    struct Field: Equatable {
        var name: String
        var value: RONValue
    }

    /// One `key: value` of a map.
    struct MapEntry: Equatable {
        var key: RONValue
        var value: RONValue
    }

    /// A short rendering for error messages (`Nearest`, `"text"`, `Descriptor(…)`).
    var summary: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .number(let text), .identifier(let text): text
        case .structure(let name, _), .tuple(let name, _): "\(name ?? "")(…)"
        case .list: "[…]"
        case .map: "{…}"
        }
    }
}
