extension WorkflowTemplate {
    /// The graph to submit: placeholders replaced, defaults for the parameters not given, no `_dgx_pixels` block.
    ///
    /// The same values always give the same graph.
    ///
    /// Throws for a name the template does not declare, a value of the wrong type (an integer for a float is fine,
    /// a string for an integer is not), a value outside the declared range, or a missing value without a default.
    package func bind(_ values: [String: JSONValue]) throws(WorkflowError) -> JSONValue {
        let bound = try resolve(values)
        var graph: [String: JSONValue] = [:]
        for (id, node) in nodes {
            guard var members = node.objectValue, let inputs = members["inputs"]?.objectValue else {
                graph[id] = node
                continue
            }
            members["inputs"] = .object(inputs.mapValues { Self.substitute($0, bound) })
            graph[id] = .object(members)
        }
        return .object(graph)
    }

    /// The checked value of every declared parameter, given or default.
    package func resolve(_ values: [String: JSONValue]) throws(WorkflowError) -> [String: JSONValue] {
        if let unknown = values.keys.filter({ !declares($0) }).sorted().first {
            throw .unknownParameter(workflow: name, parameter: unknown, known: parameters.map(\.name))
        }
        var bound: [String: JSONValue] = [:]
        for parameter in parameters {
            if let value = values[parameter.name] {
                bound[parameter.name] = try parameter.checked(value, workflow: name)
            } else if let value = parameter.defaultValue {
                bound[parameter.name] = value
            } else {
                throw .missingValue(workflow: name, parameter: parameter.name)
            }
        }
        return bound
    }

    private static func substitute(_ value: JSONValue, _ bound: [String: JSONValue]) -> JSONValue {
        switch value {
        case .string(let text):
            if let whole = Placeholder.wholeName(of: text) { return bound[whole] ?? value }
            let pieces = Placeholder.pieces(of: text)
            guard pieces.contains(where: { if case .placeholder = $0 { true } else { false } }) else { return value }
            return .string(
                pieces.map { piece in
                    switch piece {
                    case .text(let literal): literal
                    case .placeholder(let name): bound[name]?.textForm ?? "{{\(name)}}"
                    }
                }
                .joined()
            )
        case .array(let items):
            return .array(items.map { substitute($0, bound) })
        case .object(let members):
            return .object(members.mapValues { substitute($0, bound) })
        default:
            return value
        }
    }
}
