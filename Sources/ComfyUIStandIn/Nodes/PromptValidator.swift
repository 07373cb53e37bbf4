/// Validates an API-format graph the way ComfyUI's `validate_prompt` does, with its error types and texts.
struct PromptValidator {
    /// What validation decided.
    enum Verdict {
        /// Queue it with these output nodes; `nodeErrors` lists failing outputs when some others passed.
        case valid(outputs: [String], nodeErrors: StandInJSON)
        /// Answer HTTP 400 with this body.
        case invalid(StandInJSON)
    }

    /// An exception in a node's validation.
    ///
    /// ComfyUI reports it under that node, with the input of the node that linked to it
    /// (`exception_during_inner_validation`), or as `exception_during_validation` for an output node.
    struct Raised: Error {
        let message: String
        let type: String
        let traceback: [String]
    }

    let catalog: NodeCatalog
    /// What a path under a top folder (`input`, `output`, `temp`) names: `LoadImage` checks its image exists.
    var entry: (_ type: String, _ path: [String]) -> StandInState.Entry = { _, _ in .missing }

    func validate(_ graph: JSONObject) -> Verdict {
        for (id, node) in graph.members {
            guard let classType = node["class_type"]?.stringValue else {
                return .invalid(
                    Self.body(
                        "invalid_prompt",
                        "Cannot execute because a node is missing the class_type property.",
                        details: "Node ID '#\(id)'"
                    )
                )
            }
            guard catalog[classType] != nil else {
                return .invalid(
                    Self.body(
                        "invalid_prompt",
                        "Cannot execute because node \(classType) does not exist.",
                        details: "Node ID '#\(id)'"
                    )
                )
            }
        }
        let outputs = graph.members.compactMap { id, node in
            node["class_type"]?.stringValue.flatMap { catalog[$0] }?.isOutputNode == true ? id : nil
        }
        guard !outputs.isEmpty else {
            return .invalid(Self.body("prompt_no_outputs", "Prompt has no outputs"))
        }
        var checked: [String: [StandInJSON]] = [:]
        var nodeErrors = JSONObject()
        var good: [String] = []
        for output in outputs {
            var failing: [String] = []
            if let raised = validate(node: output, in: graph, checked: &checked, failing: &failing) {
                checked[output] = [
                    Self.error(
                        "exception_during_validation",
                        "Exception when validating node",
                        details: raised.message,
                        extra: ["exception_type": .string(raised.type), "traceback": .strings(raised.traceback)]
                    )
                ]
                if !failing.contains(output) { failing.append(output) }
            }
            if failing.isEmpty {
                good.append(output)
                continue
            }
            for id in failing {
                var entry =
                    nodeErrors[id]?.objectValue
                    ?? {
                        var fresh = JSONObject()
                        fresh["errors"] = .array(checked[id] ?? [])
                        fresh["dependent_outputs"] = []
                        fresh["class_type"] = graph[id]?["class_type"] ?? .null
                        return fresh
                    }()
                entry["dependent_outputs"] = .array((entry["dependent_outputs"]?.arrayValue ?? []) + [.string(output)])
                nodeErrors[id] = .object(entry)
            }
        }
        guard !good.isEmpty else {
            // ComfyUI lists the failing output nodes' own errors here (not those of the nodes they depend on).
            let details = outputs.flatMap { checked[$0] ?? [] }.map { error in
                "\(error["message"]?.stringValue ?? ""): \(error["details"]?.stringValue ?? "")"
            }
            var body = Self.body(
                "prompt_outputs_failed_validation",
                "Prompt outputs failed validation",
                details: details.joined(separator: "\n")
            )
            if case .object(var object) = body {
                object["node_errors"] = .object(nodeErrors)
                body = .object(object)
            }
            return .invalid(body)
        }
        return .valid(outputs: good, nodeErrors: .object(nodeErrors))
    }

    /// Validates `id` and, through links, the nodes it depends on; appends every node with errors to `failing`.
    ///
    /// Returns the exception when the node's validation raised (a link to a node that does not exist, a
    /// self-validated input of the wrong type): the caller reports it.
    private func validate(
        node id: String,
        in graph: JSONObject,
        checked: inout [String: [StandInJSON]],
        failing: inout [String]
    ) -> Raised? {
        if let errors = checked[id] {
            if !errors.isEmpty, !failing.contains(id) { failing.append(id) }
            return nil
        }
        checked[id] = []
        guard let node = graph[id], let classType = node["class_type"]?.stringValue,
            let nodeClass = catalog[classType]
        else { return nil }
        let inputs = node["inputs"]?.objectValue ?? JSONObject()
        var errors: [StandInJSON] = []
        for input in nodeClass.allInputs {
            let isRequired = nodeClass.required.contains { $0.name == input.name }
            guard let value = inputs[input.name] else {
                if isRequired {
                    errors.append(
                        Self.error(
                            "required_input_missing",
                            "Required input is missing",
                            details: input.name,
                            extra: ["input_name": .string(input.name)]
                        )
                    )
                }
                continue
            }
            if case .array(let link) = value {
                if let source = link.first?.stringValue, link.count == 2, graph[source] == nil {
                    checked[id] = nil
                    return Raised(message: "'\(source)'", type: "KeyError", traceback: Self.innerTraceback)
                }
                if let error = checkLink(link, input: input, graph: graph) {
                    errors.append(error)
                } else if let source = link.first?.stringValue,
                    let raised = validate(node: source, in: graph, checked: &checked, failing: &failing)
                {
                    checked[source] = [
                        Self.error(
                            "exception_during_inner_validation",
                            "Exception when validating inner node",
                            details: raised.message,
                            extra: [
                                "input_name": .string(input.name), "input_config": input.config,
                                "exception_message": .string(raised.message), "exception_type": .string(raised.type),
                                "traceback": .strings(raised.traceback), "linked_node": .array(link),
                            ]
                        )
                    ]
                    if !failing.contains(source) { failing.append(source) }
                }
                continue
            }
            if nodeClass.selfValidated.contains(input.name) { continue }
            if let error = InputValueCheck(input: input, value: value).error { errors.append(error) }
        }
        for name in nodeClass.selfValidated {
            guard let value = inputs[name] else { continue }
            switch selfCheck(classType, input: name, value: value) {
            case .success(nil): break
            case .success(let error?): errors.append(error)
            case .failure(let raised):
                checked[id] = nil
                return raised
            }
        }
        checked[id] = errors
        if !errors.isEmpty, !failing.contains(id) { failing.append(id) }
        return nil
    }

    static let innerTraceback = [
        "  File \"ComfyUI/execution.py\", line 808, in validate_inputs\n    r = await validate_inputs(prompt_id, prompt, o_id, validated)\n"
    ]

    /// A link `[source id, output index]`: the source must exist and produce the input's type.
    private func checkLink(_ link: [StandInJSON], input: NodeClass.Input, graph: JSONObject) -> StandInJSON? {
        guard link.count == 2, let source = link[0].stringValue, let slot = link[1].doubleValue.map({ Int($0) })
        else {
            return Self.error(
                "bad_linked_input",
                "Bad linked input, must be a length-2 list of [node_id, slot_index]",
                details: input.name,
                extra: [
                    "input_name": .string(input.name), "input_config": input.config, "received_value": .array(link),
                ]
            )
        }
        guard let sourceNode = graph[source], let sourceClass = sourceNode["class_type"]?.stringValue,
            let sourceType = catalog[sourceClass]
        else { return nil }
        guard case .named(let expected) = input.type, sourceType.outputs.indices.contains(slot),
            sourceType.outputs[slot] == expected
        else {
            let received = sourceType.outputs.indices.contains(slot) ? sourceType.outputs[slot] : "None"
            let expectedName: String
            if case .named(let name) = input.type { expectedName = name } else { expectedName = "COMBO" }
            return Self.error(
                "return_type_mismatch",
                "Return type mismatch between linked nodes",
                details: "\(input.name), received_type(\(received)) mismatch input_type(\(expectedName))",
                extra: [
                    "input_name": .string(input.name), "input_config": input.config,
                    "received_type": .string(received), "linked_node": .array(link),
                ]
            )
        }
        return nil
    }

    /// An `{"error": {...}, "node_errors": {}}` body.
    static func body(_ type: String, _ message: String, details: String = "") -> StandInJSON {
        ["error": error(type, message, details: details, extra: [:]), "node_errors": [:]]
    }

    /// One `{type, message, details, extra_info}` error.
    static func error(_ type: String, _ message: String, details: String, extra: StandInJSON) -> StandInJSON {
        ["type": .string(type), "message": .string(message), "details": .string(details), "extra_info": extra]
    }
}
