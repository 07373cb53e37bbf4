import Foundation

/// Checks one constant input value against its declaration: combos, INT/FLOAT conversion and bounds.
struct InputValueCheck {
    let input: NodeClass.Input
    let value: StandInJSON

    /// The validation error, or nil when the value is acceptable.
    var error: StandInJSON? {
        switch input.type {
        case .combo(let allowed):
            guard let text = value.stringValue, allowed.contains(text) else { return notInList(allowed) }
            return nil
        case .named("INT"), .named("FLOAT"):
            let isInt = input.type.isInt
            guard let number = Self.convert(value, toInt: isInt) else { return conversionError(isInt: isInt) }
            // ComfyUI compares and reports the converted value: `2` for a FLOAT is `2.0`, `3.7` for an INT is `3`.
            let converted = isInt ? Self.integer(value, number) : .double(number)
            if let minimum = input.options["min"], let min = minimum.doubleValue, number < min {
                let message = "Value \(Self.python(converted)) smaller than min of \(Self.python(minimum))"
                return boundError("value_smaller_than_min", message, received: converted)
            }
            if let maximum = input.options["max"], let max = maximum.doubleValue, number > max {
                let message = "Value \(Self.python(converted)) bigger than max of \(Self.python(maximum))"
                return boundError("value_bigger_than_max", message, received: converted)
            }
            return nil
        default:
            return nil
        }
    }

    /// Python's `int(value)` / `float(value)`: numbers and numeric strings convert, anything else fails.
    private static func convert(_ value: StandInJSON, toInt: Bool) -> Double? {
        switch value {
        case .int, .uint: return value.doubleValue
        case .double(let number): return toInt ? number.rounded(.towardZero) : number
        case .bool(let flag): return flag ? 1 : 0
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return toInt ? Int64(trimmed).map(Double.init) : Double(trimmed)
        default: return nil
        }
    }

    private var shown: String {
        switch value {
        case .string(let text): text
        default: value.text
        }
    }

    /// The integer `int(value)` gives, exact for JSON integers.
    private static func integer(_ value: StandInJSON, _ number: Double) -> StandInJSON {
        switch value {
        case .int, .uint: value
        case .string(let text): Int64(text.trimmingCharacters(in: .whitespaces)).map(StandInJSON.int) ?? .double(number)
        default: .int(Int64(number))
        }
    }

    /// Python's `str()` of a number as ComfyUI formats it into messages: floats keep `.0` (`1.0`, `-0.1`).
    static func python(_ value: StandInJSON) -> String {
        switch value {
        case .int(let number): return String(number)
        case .uint(let number): return String(number)
        case .double(let number):
            if number == number.rounded(), abs(number) < 1e16 { return "\(Int64(number)).0" }
            return "\(number)"
        case .bool(let flag): return flag ? "True" : "False"
        case .string(let text): return text
        default: return value.text
        }
    }

    private func notInList(_ allowed: [String]) -> StandInJSON {
        // ComfyUI leaves long lists (scanned model folders, the sampler list) out of the error.
        let long = allowed.count > 20
        let listText =
            long ? "(list of length \(allowed.count))" : "[" + allowed.map { "'\($0)'" }.joined(separator: ", ") + "]"
        return PromptValidator.error(
            "value_not_in_list",
            "Value not in list",
            details: "\(input.name): '\(shown)' not in \(listText)",
            extra: [
                "input_name": .string(input.name), "input_config": long ? .null : input.config,
                "received_value": value,
            ]
        )
    }

    private func conversionError(isInt: Bool) -> StandInJSON {
        let typeName = isInt ? "INT" : "FLOAT"
        let exception: String
        switch value {
        case .string(let text):
            exception =
                isInt
                ? "invalid literal for int() with base 10: '\(text)'" : "could not convert string to float: '\(text)'"
        default:
            exception =
                "\(isInt ? "int" : "float")() argument must be a string or a real number, not '\(value.pythonTypeName)'"
        }
        return PromptValidator.error(
            "invalid_input_type",
            "Failed to convert an input value to a \(typeName) value",
            details: "\(input.name), \(shown), \(exception)",
            extra: [
                "input_name": .string(input.name), "input_config": input.config, "received_value": value,
                "exception_message": .string(exception),
            ]
        )
    }

    private func boundError(_ type: String, _ message: String, received: StandInJSON) -> StandInJSON {
        PromptValidator.error(
            type,
            message,
            details: input.name,
            extra: ["input_name": .string(input.name), "input_config": input.config, "received_value": received]
        )
    }
}

extension NodeClass.InputType {
    fileprivate var isInt: Bool {
        if case .named("INT") = self { return true }
        return false
    }
}

extension StandInJSON {
    /// The Python type name of the decoded value, for error texts.
    var pythonTypeName: String {
        switch self {
        case .null: "NoneType"
        case .bool: "bool"
        case .int, .uint: "int"
        case .double: "float"
        case .string: "str"
        case .array: "list"
        case .object: "dict"
        }
    }
}
