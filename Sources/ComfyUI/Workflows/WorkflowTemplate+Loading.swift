extension WorkflowTemplate {
    private static let blockKeys: Set<String> = ["description", "parameters"]
    private static let parameterKeys: Set<String> = ["type", "default", "min", "max", "description"]

    /// Reads `{"description", "parameters"}`.
    static func readBlock(
        _ block: JSONValue,
        file: String
    ) throws(WorkflowError) -> (String, [WorkflowParameter]) {
        guard let members = block.objectValue else {
            throw .invalidParameterBlock(file: file, reason: "it must be an object")
        }
        if let unknown = members.keys.filter({ !blockKeys.contains($0) }).sorted().first {
            throw .invalidParameterBlock(
                file: file,
                reason: "unknown key '\(unknown)'; known keys: description, parameters"
            )
        }
        let description = members["description"]?.stringValue ?? ""
        if let value = members["description"], value.stringValue == nil {
            throw .invalidParameterBlock(file: file, reason: "\"description\" must be a string")
        }
        guard let declared = members["parameters"]?.objectValue else {
            throw .invalidParameterBlock(file: file, reason: "\"parameters\" must be an object of name → declaration")
        }
        var parameters: [WorkflowParameter] = []
        for name in declared.keys.sorted() {
            parameters.append(try readParameter(name: name, declared[name] ?? .null, file: file))
        }
        return (description, parameters)
    }

    private static func readParameter(
        name: String,
        _ json: JSONValue,
        file: String
    ) throws(WorkflowError) -> WorkflowParameter {
        guard Placeholder.isName(Substring(name)) else {
            throw .invalidParameter(file: file, parameter: name, reason: "a name is letters, digits and '_'")
        }
        guard let members = json.objectValue else {
            throw .invalidParameter(
                file: file,
                parameter: name,
                reason: "the declaration must be an object with a \"type\""
            )
        }
        if let unknown = members.keys.filter({ !parameterKeys.contains($0) }).sorted().first {
            throw .invalidParameter(
                file: file,
                parameter: name,
                reason: "unknown key '\(unknown)'; known keys: type, default, min, max, description"
            )
        }
        guard let typeName = members["type"]?.stringValue else {
            throw .invalidParameter(file: file, parameter: name, reason: "\"type\" is missing or not a string")
        }
        guard let kind = WorkflowParameter.Kind(rawValue: typeName) else {
            throw .invalidParameterType(file: file, parameter: name, type: typeName)
        }
        if let summary = members["description"], summary.stringValue == nil {
            throw .invalidParameter(file: file, parameter: name, reason: "\"description\" must be a string")
        }
        for key in ["min", "max"] {
            guard let bound = members[key] else { continue }
            if kind == .string {
                throw .invalidParameter(file: file, parameter: name, reason: "a string parameter has no \"\(key)\"")
            }
            if !bound.isNumber {
                throw .invalidParameter(file: file, parameter: name, reason: "\"\(key)\" must be a number")
            }
        }
        var parameter = WorkflowParameter(
            name: name,
            kind: kind,
            minimum: members["min"]?.canonicalNumber,
            maximum: members["max"]?.canonicalNumber,
            summary: members["description"]?.stringValue
        )
        if let low = parameter.minimum, let high = parameter.maximum,
            JSONValue.compareNumbers(low, high) == .orderedDescending
        {
            throw .invalidParameter(file: file, parameter: name, reason: "\"min\" is above \"max\"")
        }
        if let value = members["default"] {
            do {
                parameter.defaultValue = try parameter.checked(value, workflow: name)
            } catch .valueOutOfRange {
                throw .defaultOutOfRange(file: file, parameter: name, value: value.textForm, range: parameter.rangeText)
            } catch {
                throw .invalidParameter(
                    file: file,
                    parameter: name,
                    reason: "the default \(value.described) is not \(kind.phrase)"
                )
            }
        }
        return parameter
    }

    /// Checks nodes, links, output nodes and placeholders against the declarations.
    func checkGraph() throws(WorkflowError) {
        var used: Set<String> = []
        for id in Self.sortedIDs(nodes.keys) {
            guard let node = nodes[id]?.objectValue else {
                throw .invalidNode(
                    file: fileName,
                    nodeID: id,
                    reason: "a node must be an object with \"class_type\" and \"inputs\""
                )
            }
            guard node["class_type"]?.stringValue != nil else { throw .missingClassType(file: fileName, nodeID: id) }
            guard let inputs = node["inputs"]?.objectValue ?? (node["inputs"] == nil ? [:] : nil) else {
                throw .invalidNode(file: fileName, nodeID: id, reason: "\"inputs\" must be an object")
            }
            for input in inputs.keys.sorted() {
                let value = inputs[input] ?? .null
                if let target = Self.linkTarget(value), nodes[target] == nil {
                    throw .danglingLink(file: fileName, nodeID: id, input: input, target: target)
                }
                for placeholder in Self.placeholders(in: value) {
                    guard declares(placeholder) else {
                        throw .unknownPlaceholder(file: fileName, placeholder: placeholder, nodeID: id, input: input)
                    }
                    used.insert(placeholder)
                }
            }
        }
        for required in StandardParameter.required where !used.contains(required.rawValue) {
            throw .missingStandardParameter(file: fileName, parameter: required.rawValue)
        }
        if let unused = parameters.first(where: { !used.contains($0.name) }) {
            throw .unusedParameter(file: fileName, parameter: unused.name)
        }
        if outputNodes.isEmpty { throw .noOutputNode(file: fileName) }
    }

    /// The node id a link (`["4", 0]`) points at, or `nil` when the value is not a link.
    static func linkTarget(_ value: JSONValue) -> String? {
        guard let items = value.arrayValue, items.count == 2, let target = items[0].stringValue,
            items[1].intValue != nil
        else { return nil }
        return target
    }

    static func placeholders(in value: JSONValue) -> [String] {
        switch value {
        case .string(let text): Placeholder.names(in: text)
        case .array(let items): items.flatMap(placeholders(in:))
        case .object(let members): members.keys.sorted().flatMap { placeholders(in: members[$0] ?? .null) }
        default: []
        }
    }
}
