import MCP

/// Checks a value against the subset of JSON Schema our tools use, naming the offending field.
///
/// The SDK does not validate tool arguments, so every call is checked against the tool's own `inputSchema` here:
/// the schema a client sees is exactly the rule the server applies.
enum SchemaValidator {
    /// The first problem found, as `(field path, message)`, or nil when `value` conforms.
    static func firstProblem(in value: Value, against schema: Value, path: String = "") -> (String, String)? {
        guard case .object(let rules) = schema else { return nil }
        let field = path.isEmpty ? "arguments" : path
        if case .array(let alternatives)? = rules["anyOf"] {
            let problems = alternatives.map { firstProblem(in: value, against: $0, path: path) }
            guard !problems.contains(where: { $0 == nil }) else { return nil }
            // A value of the right type for one alternative gets that alternative's own complaint (a size of
            // 10000 is "at most 256", not "expected integer or string").
            let sameType = alternatives.indices.first { index in
                let types = alternatives[index].objectValue?["type"]
                let allowed = types?.arrayValue?.compactMap(\.stringValue) ?? [types?.stringValue].compactMap { $0 }
                return allowed.contains { matches(value, type: $0) }
            }
            if let sameType, let problem = problems[sameType] { return problem }
            let kinds = alternatives.compactMap { $0.objectValue?["type"]?.stringValue }
            return (field, "expected \(kinds.joined(separator: " or ")), got \(describe(value))")
        }
        if let types = rules["type"] {
            let allowed = types.arrayValue?.compactMap(\.stringValue) ?? [types.stringValue].compactMap { $0 }
            guard allowed.contains(where: { matches(value, type: $0) }) else {
                return (field, "expected \(allowed.joined(separator: " or ")), got \(describe(value))")
            }
        }
        if case .array(let choices)? = rules["enum"], !choices.contains(value) {
            let names = choices.compactMap(\.stringValue).joined(separator: ", ")
            return (field, "expected one of \(names), got \(describe(value))")
        }
        switch value {
        case .string(let text):
            if let minimum = rules["minLength"]?.intValue, text.count < minimum {
                return (field, minimum == 1 ? "must not be empty" : "must be at least \(minimum) characters")
            }
            if let maximum = rules["maxLength"]?.intValue, text.count > maximum {
                return (field, "must be at most \(maximum) characters, got \(text.count)")
            }
            if let pattern = rules["pattern"]?.stringValue, text.range(of: pattern, options: .regularExpression) == nil
            {
                return (field, "'\(text.debugDescription.dropFirst().dropLast())' does not match \(pattern)")
            }
        case .int, .double:
            let number = value.doubleValue ?? Double(value.intValue ?? 0)
            let minimum = rules["minimum"].flatMap(numeric)
            let maximum = rules["maximum"].flatMap(numeric)
            guard number >= (minimum ?? -.infinity), number <= (maximum ?? .infinity) else {
                let range: String =
                    switch (minimum, maximum) {
                    case (let low?, let high?): "must be from \(format(low)) to \(format(high))"
                    case (let low?, nil): "must be at least \(format(low))"
                    case (nil, let high?): "must be at most \(format(high))"
                    case (nil, nil): "is out of range"
                    }
                return (field, "\(range), got \(format(number))")
            }
        case .array(let elements):
            if let minimum = rules["minItems"]?.intValue, elements.count < minimum {
                return (field, "needs at least \(minimum) item\(minimum == 1 ? "" : "s"), got \(elements.count)")
            }
            if let maximum = rules["maxItems"]?.intValue, elements.count > maximum {
                return (field, "takes at most \(maximum) items, got \(elements.count)")
            }
            if let items = rules["items"] {
                for (index, element) in elements.enumerated() {
                    if let problem = firstProblem(in: element, against: items, path: "\(field)[\(index)]") {
                        return problem
                    }
                }
            }
        case .object(let members):
            let properties = rules["properties"]?.objectValue ?? [:]
            for name in rules["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                return (join(path, name), "is required")
            }
            for name in members.keys.sorted() {
                guard let member = members[name] else { continue }
                if let propertySchema = properties[name] {
                    if let problem = firstProblem(in: member, against: propertySchema, path: join(path, name)) {
                        return problem
                    }
                } else if rules["additionalProperties"] == .bool(false) {
                    let known = properties.keys.sorted().joined(separator: ", ")
                    return (join(path, name), "is not a known argument; known: \(known)")
                }
            }
        default:
            break
        }
        return nil
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }

    private static func matches(_ value: Value, type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("object", .object), ("array", .array), ("null", .null),
            ("integer", .int), ("number", .int), ("number", .double):
            true
        case ("integer", .double(let number)):
            number.rounded() == number && abs(number) < 9.1e15
        default:
            false
        }
    }

    private static func numeric(_ value: Value) -> Double? {
        value.doubleValue ?? value.intValue.map(Double.init)
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    private static func describe(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "boolean \(flag)"
        case .int(let number): "integer \(number)"
        case .double(let number): "number \(number)"
        case .string(let text): "string \"\(text.prefix(40))\""
        case .data: "binary data"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
