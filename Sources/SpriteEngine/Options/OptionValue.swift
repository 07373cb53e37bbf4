/// An option's value as a caller gave it, before it is checked: what MCP arguments, batch YAML and CLI flags are
/// all read into (by the option's `SpriteOption.Kind`), so one resolver checks them all alike.
package enum OptionValue: Sendable, Hashable {
    case int(Int)
    case number(Double)
    case text(String)
    case flag(Bool)
    case list([String])

    /// The value as a JSON-like description for error messages.
    package var described: String {
        switch self {
        case .int(let number): "\(number)"
        case .number(let number): "\(number)"
        case .text(let text): "'\(text.replacingOccurrences(of: "\0", with: "\\0"))'"
        case .flag(let flag): "\(flag)"
        case .list(let items): "[\(items.joined(separator: ", "))]"
        }
    }
}

extension OptionValue: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .list(try container.decode([String].self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let number): try container.encode(number)
        case .number(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        case .flag(let flag): try container.encode(flag)
        case .list(let items): try container.encode(items)
        }
    }
}
