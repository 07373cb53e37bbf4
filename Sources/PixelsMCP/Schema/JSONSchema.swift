import MCP

/// Builders for the JSON Schemas of tool inputs and outputs, so each tool file reads like its documentation.
enum JSONSchema {
    static func object(
        _ description: String? = nil,
        properties: [String: Value],
        required: [String] = [],
        additionalProperties: Bool = false
    ) -> Value {
        var schema: [String: Value] = [
            "type": "object",
            "properties": .object(properties),
            "additionalProperties": .bool(additionalProperties),
        ]
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    static func string(
        _ description: String,
        pattern: String? = nil,
        choices: [String]? = nil,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        defaultValue: String? = nil
    ) -> Value {
        var schema: [String: Value] = ["type": "string", "description": .string(description)]
        if let pattern { schema["pattern"] = .string(pattern) }
        if let choices { schema["enum"] = .array(choices.map { .string($0) }) }
        if let minLength { schema["minLength"] = .int(minLength) }
        if let maxLength { schema["maxLength"] = .int(maxLength) }
        if let defaultValue { schema["default"] = .string(defaultValue) }
        return .object(schema)
    }

    static func integer(
        _ description: String,
        minimum: Int? = nil,
        maximum: Int? = nil,
        defaultValue: Int? = nil
    )
        -> Value
    {
        var schema: [String: Value] = ["type": "integer", "description": .string(description)]
        if let minimum { schema["minimum"] = .int(minimum) }
        if let maximum { schema["maximum"] = .int(maximum) }
        if let defaultValue { schema["default"] = .int(defaultValue) }
        return .object(schema)
    }

    static func number(_ description: String, minimum: Double? = nil, maximum: Double? = nil) -> Value {
        var schema: [String: Value] = ["type": "number", "description": .string(description)]
        if let minimum { schema["minimum"] = .double(minimum) }
        if let maximum { schema["maximum"] = .double(maximum) }
        return .object(schema)
    }

    static func boolean(_ description: String, defaultValue: Bool? = nil) -> Value {
        var schema: [String: Value] = ["type": "boolean", "description": .string(description)]
        if let defaultValue { schema["default"] = .bool(defaultValue) }
        return .object(schema)
    }

    static func array(_ description: String, items: Value, minItems: Int? = nil, maxItems: Int? = nil) -> Value {
        var schema: [String: Value] = ["type": "array", "description": .string(description), "items": items]
        if let minItems { schema["minItems"] = .int(minItems) }
        if let maxItems { schema["maxItems"] = .int(maxItems) }
        return .object(schema)
    }

    /// A value of one of several shapes, such as `size`: an integer or a `WxH` string.
    static func anyOf(_ description: String, _ alternatives: [Value]) -> Value {
        .object(["description": .string(description), "anyOf": .array(alternatives)])
    }

    /// A value of the given JSON types, documented but not described further (used in output schemas).
    static func typed(_ types: String..., description: String? = nil) -> Value {
        var schema: [String: Value] = [
            "type": types.count == 1 ? .string(types[0]) : .array(types.map { .string($0) })
        ]
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }
}
