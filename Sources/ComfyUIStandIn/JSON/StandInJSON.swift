/// A JSON value as the stand-in reads and writes it: objects keep their key order (as Python dicts do), integers
/// stay integers, and the type is `Sendable` so graphs can live in shared state.
///
/// The stand-in deliberately has its own JSON type instead of the ComfyUI target's `JSONValue`: it is the
/// independent reference the client is tested against.
package enum StandInJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case array([StandInJSON])
    case object(JSONObject)

    package subscript(key: String) -> StandInJSON? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    package var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    package var arrayValue: [StandInJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    package var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value as a number, for integers and doubles alike.
    package var doubleValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .uint(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// Python's truthiness, which is how ComfyUI reads flags such as `front` and `clear`.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .int(let value): value != 0
        case .uint(let value): value != 0
        case .double(let value): value != 0
        case .string(let text): !text.isEmpty
        case .array(let items): !items.isEmpty
        case .object(let object): !object.isEmpty
        }
    }
}

/// A JSON object whose keys keep their insertion order.
package struct JSONObject: Sendable, Equatable {
    package private(set) var keys: [String] = []
    private var values: [String: StandInJSON] = [:]

    package init() {}

    package subscript(key: String) -> StandInJSON? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    package var isEmpty: Bool { keys.isEmpty }

    /// The members in key order.
    package var members: [(key: String, value: StandInJSON)] {
        keys.compactMap { key in values[key].map { (key, $0) } }
    }
}

extension StandInJSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    package init(nilLiteral: ()) { self = .null }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(integerLiteral value: Int64) { self = .int(value) }
    package init(floatLiteral value: Double) { self = .double(value) }
    package init(stringLiteral value: String) { self = .string(value) }
    package init(arrayLiteral elements: StandInJSON...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, StandInJSON)...) {
        var object = JSONObject()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}

extension StandInJSON {
    /// A string, or `null` for nil.
    static func string(_ text: String?) -> StandInJSON { text.map { .string($0) } ?? .null }

    /// An array of strings.
    static func strings(_ items: [String]) -> StandInJSON { .array(items.map { .string($0) }) }

    /// An integer from a Swift `Int`.
    static func int(_ value: Int) -> StandInJSON { .int(Int64(value)) }
}
