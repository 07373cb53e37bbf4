/// One declared template parameter: `{"type": "int", "default": 20, "min": 1, "max": 150, "description": "…"}`.
package struct WorkflowParameter: Sendable, Equatable {
    package enum Kind: String, Sendable, Equatable, CaseIterable {
        case string
        case int
        case float
    }

    package var name: String
    package var kind: Kind
    package var defaultValue: JSONValue?
    package var minimum: JSONValue?
    package var maximum: JSONValue?
    package var summary: String?

    package init(
        name: String,
        kind: Kind,
        defaultValue: JSONValue? = nil,
        minimum: JSONValue? = nil,
        maximum: JSONValue? = nil,
        summary: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.summary = summary
    }

    /// The range as people write it: `1…150`, `≥ 0`, `≤ 30`, or `any`.
    package var rangeText: String {
        switch (minimum, maximum) {
        case (let low?, let high?): "\(low.textForm)…\(high.textForm)"
        case (let low?, nil): "≥ \(low.textForm)"
        case (nil, let high?): "≤ \(high.textForm)"
        case (nil, nil): "any"
        }
    }

    /// The declaration as it is written in a template's `_dgx_pixels.parameters` block.
    package var json: JSONValue {
        var members: [String: JSONValue] = ["type": .string(kind.rawValue)]
        members["default"] = defaultValue
        members["min"] = minimum
        members["max"] = maximum
        members["description"] = summary.map(JSONValue.string)
        return .object(members)
    }

    /// Checks `value` against the type and range and returns it as it goes into the graph.
    ///
    /// An integer is fine for a float; a whole float is fine for an int. A float whose value is whole is written
    /// as an integer (`7.0` → `7`), as JSON parsing would read it back; ComfyUI accepts both for FLOAT inputs.
    package func checked(_ value: JSONValue, workflow: String) throws(WorkflowError) -> JSONValue {
        // `.none`, never `nil`: JSONValue is ExpressibleByNilLiteral, so a bare `nil` here could become `.null`.
        let accepted: JSONValue?
        switch kind {
        case .string:
            accepted = value.stringValue.map(JSONValue.string)
        case .int:
            let number = value.canonicalNumber
            switch number {
            case .int, .uint: accepted = number
            default: accepted = .none
            }
        case .float:
            accepted = value.isNumber ? .some(value.canonicalNumber) : .none
        }
        guard let accepted else {
            throw .wrongType(workflow: workflow, parameter: name, expected: kind.phrase, value: value.described)
        }
        if let minimum, JSONValue.compareNumbers(accepted, minimum) == .orderedAscending {
            throw .valueOutOfRange(workflow: workflow, parameter: name, value: accepted.textForm, range: rangeText)
        }
        if let maximum, JSONValue.compareNumbers(accepted, maximum) == .orderedDescending {
            throw .valueOutOfRange(workflow: workflow, parameter: name, value: accepted.textForm, range: rangeText)
        }
        return accepted
    }
}

extension WorkflowParameter.Kind {
    /// "a string", "an integer", "a number".
    var phrase: String {
        switch self {
        case .string: "a string"
        case .int: "an integer"
        case .float: "a number"
        }
    }
}

extension JSONValue {
    /// The value for an error message: strings quoted, others as JSON.
    var described: String {
        if case .string(let text) = self { return "the string \"\(text)\"" }
        return String(decoding: encoded(), as: UTF8.self)
    }
}
