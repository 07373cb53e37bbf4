import Foundation

/// A ComfyUI API-format graph with typed `{{placeholders}}` and the parameters it declares, in one JSON file.
///
/// The file is a "Save (API)" export (node id → `{"class_type", "inputs"}`) plus a `"_dgx_pixels"` block:
/// `{"description": "...", "parameters": {"seed": {"type": "int", "min": 0, ...}, ...}}`. A string value that is
/// exactly `"{{seed}}"` becomes the bound value in its declared JSON type; `{{prompt}}` inside longer text is
/// replaced by the value's text. Loading rejects placeholders that are not declared, declared parameters that are
/// not used, a template without `{{prompt}}` or `{{seed}}`, links to missing nodes and graphs without an output.
package struct WorkflowTemplate: Sendable {
    /// The key of the parameter block; it is never sent to ComfyUI.
    package static let metadataKey = "_dgx_pixels"
    /// Node classes whose output is an image ComfyUI saves (or previews).
    package static let outputClasses: Set<String> = ["SaveImage", "PreviewImage"]

    /// The file name without `.json`.
    package let name: String
    package let description: String
    /// Sorted by name.
    package let parameters: [WorkflowParameter]
    /// Node id → node, without the parameter block, placeholders in place.
    package let nodes: [String: JSONValue]
    /// Where it was loaded from.
    package let file: String

    /// Every `class_type` the graph uses.
    package var usedNodeClasses: Set<String> {
        Set(nodes.values.compactMap { $0["class_type"]?.stringValue })
    }

    /// Ids of the nodes that save images, in id order.
    package var outputNodes: [String] {
        nodes.filter { Self.outputClasses.contains($0.value["class_type"]?.stringValue ?? "") }.keys
            .sorted(by: HistoryEntry.nodeOrder)
    }

    package func declares(_ parameter: String) -> Bool {
        parameters.contains { $0.name == parameter }
    }

    package func parameter(_ name: String) -> WorkflowParameter? {
        parameters.first { $0.name == name }
    }

    /// Loads and checks a template file.
    package static func load(from url: URL) throws(WorkflowError) -> WorkflowTemplate {
        let file = url.lastPathComponent
        let json: JSONValue
        do {
            json = try JSONValue(parsing: try Data(contentsOf: url))
        } catch {
            throw .unreadable(
                file: file,
                reason: error is DecodingError ? "not valid JSON" : "\(error.localizedDescription)"
            )
        }
        return try WorkflowTemplate(json: json, name: url.deletingPathExtension().lastPathComponent, file: file)
    }

    /// Checks a parsed template.
    package init(json: JSONValue, name: String, file: String) throws(WorkflowError) {
        func fail(_ message: String) -> WorkflowError { .invalidTemplate(file: file, message: message) }
        guard var members = json.objectValue else { throw fail("expected a JSON object of nodes") }
        guard let metadata = members.removeValue(forKey: Self.metadataKey) else {
            throw fail(
                "no \"\(Self.metadataKey)\" block declaring its parameters; "
                    + "turn a raw export into a template with `dgx-pixels workflows import FILE`"
            )
        }
        self.name = name
        self.file = file
        description = metadata["description"]?.stringValue ?? ""
        parameters = try Self.readParameters(metadata["parameters"], fail: fail)
        nodes = members
        try checkGraph(fail: fail)
    }

    /// The graph to submit: every placeholder replaced, defaults used for values not given.
    package func bind(_ values: [String: JSONValue]) throws(WorkflowError) -> JSONValue {
        for key in values.keys.sorted() where !declares(key) {
            throw .unknownParameter(template: name, parameter: key, known: parameters.map(\.name))
        }
        var bound: [String: JSONValue] = [:]
        for parameter in parameters {
            guard let value = values[parameter.name] ?? parameter.defaultValue else {
                throw .invalidValue(template: name, parameter: parameter.name, message: "is required (no default)")
            }
            bound[parameter.name] = try parameter.checked(value, template: name)
        }
        return .object(nodes.mapValues { Self.substitute($0, with: bound) })
    }

    // MARK: Checks

    private static func readParameters(
        _ block: JSONValue?,
        fail: (String) -> WorkflowError
    ) throws(WorkflowError) -> [WorkflowParameter] {
        guard let declared = block?.objectValue, !declared.isEmpty else {
            throw fail("\"\(metadataKey)\".parameters must declare at least prompt and seed")
        }
        var parameters: [WorkflowParameter] = []
        for (name, spec) in declared.sorted(by: { $0.key < $1.key }) {
            guard let kindName = spec["type"]?.stringValue, let kind = WorkflowParameter.Kind(rawValue: kindName) else {
                throw fail("parameter '\(name)' needs \"type\": one of string, int, float")
            }
            let parameter = WorkflowParameter(
                name: name,
                kind: kind,
                defaultValue: spec["default"],
                min: spec["min"]?.doubleValue,
                max: spec["max"]?.doubleValue,
                description: spec["description"]?.stringValue
            )
            if let value = parameter.defaultValue {
                do {
                    _ = try parameter.checked(value, template: name)
                } catch {
                    throw fail("the default of parameter '\(name)' is invalid: \(error)")
                }
            }
            parameters.append(parameter)
        }
        return parameters
    }

    private func checkGraph(fail: (String) -> WorkflowError) throws(WorkflowError) {
        var used: Set<String> = []
        for (id, node) in nodes.sorted(by: { HistoryEntry.nodeOrder($0.key, $1.key) }) {
            guard node["class_type"]?.stringValue != nil else {
                throw fail("node \(id) has no class_type")
            }
            guard let inputs = node["inputs"]?.objectValue else {
                throw fail("node \(id) has no inputs object")
            }
            for (input, value) in inputs.sorted(by: { $0.key < $1.key }) {
                if let link = Self.link(value), nodes[link] == nil {
                    throw fail("node \(id) input '\(input)' links to node \(link), which does not exist")
                }
                for placeholder in Self.placeholders(in: value) {
                    guard declares(placeholder) else {
                        throw fail(
                            "unknown placeholder {{\(placeholder)}} in node \(id) input '\(input)'; declared: "
                                + parameters.map(\.name).joined(separator: ", ")
                        )
                    }
                    used.insert(placeholder)
                }
            }
        }
        for required in ["prompt", "seed"] where !used.contains(required) {
            throw fail("the graph must use {{\(required)}}")
        }
        if let unused = parameters.map(\.name).first(where: { !used.contains($0) }) {
            throw fail("parameter '\(unused)' is declared but no node uses {{\(unused)}}")
        }
        if outputNodes.isEmpty {
            throw fail("no output node (SaveImage or PreviewImage): ComfyUI would refuse it (prompt_no_outputs)")
        }
    }

    // MARK: Placeholders

    /// A link `["4", 0]`: the id of the node it points to.
    static func link(_ value: JSONValue) -> String? {
        guard let items = value.arrayValue, items.count == 2, let id = items[0].stringValue, items[1].intValue != nil
        else { return nil }
        return id
    }

    /// The placeholder names in a value (strings only; links and numbers have none).
    static func placeholders(in value: JSONValue) -> [String] {
        guard let text = value.stringValue else { return [] }
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            names.append(String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }

    private static func substitute(_ node: JSONValue, with values: [String: JSONValue]) -> JSONValue {
        guard var members = node.objectValue, let inputs = members["inputs"]?.objectValue else { return node }
        members["inputs"] = .object(
            inputs.mapValues { value in
                guard let text = value.stringValue, text.contains("{{") else { return value }
                let names = placeholders(in: value)
                if names.count == 1, text.trimmingCharacters(in: .whitespaces) == "{{\(names[0])}}",
                    let whole = values[names[0]]
                {
                    return whole
                }
                var result = text
                for name in Set(names) {
                    guard let replacement = values[name] else { continue }
                    let textValue = replacement.stringValue ?? replacement.encodedText
                    result = result.replacingOccurrences(of: "{{\(name)}}", with: textValue)
                }
                return .string(result)
            }
        )
        return .object(members)
    }
}
