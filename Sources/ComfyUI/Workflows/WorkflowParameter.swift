/// One declared parameter of a workflow template: its type, default and range.
package struct WorkflowParameter: Sendable, Equatable {
    /// The JSON type a placeholder standing for the whole value becomes.
    package enum Kind: String, Sendable, Equatable, CaseIterable {
        case string, int, float
    }

    package var name: String
    package var kind: Kind
    package var defaultValue: JSONValue?
    package var min: Double?
    package var max: Double?
    package var description: String?

    /// The names the engine binds (a template declares the ones it uses; `prompt` and `seed` are required):
    /// `prompt`, `negative_prompt`, `seed`, `steps`, `cfg`, `sampler`, `scheduler`, `checkpoint`, `lora`,
    /// `lora_strength`, `width`, `height`, `filename_prefix`.
    package static let standardNames = [
        "prompt", "negative_prompt", "seed", "steps", "cfg", "sampler", "scheduler", "checkpoint", "lora",
        "lora_strength", "width", "height", "filename_prefix",
    ]

    /// Checks `value` against the type and range; returns it in the parameter's JSON type.
    func checked(_ value: JSONValue, template: String) throws(WorkflowError) -> JSONValue {
        func fail(_ message: String) -> WorkflowError {
            .invalidValue(template: template, parameter: name, message: message)
        }
        let typed: JSONValue
        switch kind {
        case .string:
            guard let text = value.stringValue else { throw fail("expected a string, got \(value.encodedText)") }
            typed = .string(text)
        case .int:
            switch value {
            case .int, .uint: typed = value
            case .double(let number) where number == number.rounded() && abs(number) < 9.0e15:
                typed = .int(Int64(number))
            default: throw fail("expected an integer, got \(value.encodedText)")
            }
        case .float:
            guard let number = value.doubleValue else { throw fail("expected a number, got \(value.encodedText)") }
            typed = .double(number)
        }
        if let number = typed.doubleValue {
            if let min, number < min { throw fail("\(value.encodedText) is below the minimum \(min.compact)") }
            if let max, number > max { throw fail("\(value.encodedText) is above the maximum \(max.compact)") }
        }
        return typed
    }
}

extension JSONValue {
    /// Compact JSON text, for messages.
    package var encodedText: String { String(decoding: encoded(), as: UTF8.self) }
}

extension Double {
    /// `4` rather than `4.0`; large integers without an exponent.
    package var compact: String {
        // UInt64.max, the usual seed maximum, is not exact as a Double: name it rather than print 2^64.
        if self >= 18_446_744_073_709_551_615.0 { return "18446744073709551615" }
        return self == rounded() && abs(self) < 1e18 ? String(format: "%.0f", self) : String(self)
    }
}
