import Foundation

extension JSONValue {
    package var isNumber: Bool {
        switch self {
        case .int, .uint, .double: true
        default: false
        }
    }

    /// Whether the value is a whole number (`3`, `3.0`, a seed above 2^63).
    package var isInteger: Bool {
        switch canonicalNumber {
        case .int, .uint: true
        default: false
        }
    }

    /// The value as text inside a longer string: a string as is, a number in its JSON form, anything else as
    /// compact JSON.
    package var textForm: String {
        switch self {
        case .string(let text): text
        case .int(let value): String(value)
        case .uint(let value): String(value)
        case .double(let value): value.description
        default: String(decoding: encoded(), as: UTF8.self)
        }
    }

    /// A whole-valued double as the integer JSON parsing would read back (`7.0` → `7`); other values unchanged.
    package var canonicalNumber: JSONValue {
        guard case .double(let value) = self, value.rounded() == value else { return self }
        if let signed = Int64(exactly: value) { return .int(signed) }
        if let unsigned = UInt64(exactly: value) { return .uint(unsigned) }
        return self
    }

    /// Orders two numbers, exactly for integers of any size (a seed above 2^53 is not rounded); `nil` unless both
    /// are numbers.
    package static func compareNumbers(_ lhs: JSONValue, _ rhs: JSONValue) -> ComparisonResult? {
        switch (lhs.canonicalNumber.exactInteger, rhs.canonicalNumber.exactInteger) {
        case (let left?, let right?):
            return left == right ? .orderedSame : (left < right ? .orderedAscending : .orderedDescending)
        default:
            guard let left = lhs.doubleValue, let right = rhs.doubleValue else { return nil }
            return left == right ? .orderedSame : (left < right ? .orderedAscending : .orderedDescending)
        }
    }

    /// An integer as (is negative, magnitude), which orders every `Int64` and `UInt64` without overflow.
    private var exactInteger: ExactInteger? {
        switch self {
        case .int(let value): ExactInteger(negative: value < 0, magnitude: value.magnitude)
        case .uint(let value): ExactInteger(negative: false, magnitude: value)
        default: nil
        }
    }
}

private struct ExactInteger: Comparable {
    var negative: Bool
    var magnitude: UInt64

    static func < (lhs: ExactInteger, rhs: ExactInteger) -> Bool {
        switch (lhs.negative, rhs.negative) {
        case (true, false): true
        case (false, true): false
        case (true, true): lhs.magnitude > rhs.magnitude
        case (false, false): lhs.magnitude < rhs.magnitude
        }
    }
}
