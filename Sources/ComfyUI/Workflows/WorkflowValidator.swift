/// Checks a bound graph against what a server has installed (`/object_info`), before anything is submitted.
package enum WorkflowValidator {
    /// One thing the server lacks.
    package struct Problem: Sendable, Equatable {
        /// `missing_node_class`, `missing_checkpoint`, `missing_lora`, `unknown_sampler`, `unknown_scheduler`,
        /// `value_not_in_list`, `value_out_of_range`.
        package var code: String
        package var nodeID: String
        package var input: String?
        package var message: String
    }

    /// Everything in `graph` that `objectInfo` says the server at `backend` cannot run, in node order.
    package static func problems(in graph: JSONValue, objectInfo: ObjectInfo, backend: String) -> [Problem] {
        var problems: [Problem] = []
        let nodes = graph.objectValue ?? [:]
        for id in nodes.keys.sorted(by: HistoryEntry.nodeOrder) {
            guard let node = nodes[id], let type = node["class_type"]?.stringValue else { continue }
            guard let nodeClass = objectInfo.classes[type] else {
                problems.append(
                    Problem(
                        code: "missing_node_class",
                        nodeID: id,
                        input: nil,
                        message: "node class '\(type)' (node \(id)) is not installed on \(backend)"
                    )
                )
                continue
            }
            for (input, value) in (node["inputs"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard WorkflowTemplate.link(value) == nil, let kind = nodeClass.input(input) else { continue }
                if let problem = check(value, kind: kind, input: input, node: id, type: type, backend: backend) {
                    problems.append(problem)
                }
            }
        }
        return problems
    }

    private static func check(
        _ value: JSONValue,
        kind: ObjectInfo.InputKind,
        input: String,
        node: String,
        type: String,
        backend: String
    ) -> Problem? {
        switch kind {
        case .choice(let allowed):
            guard let text = value.stringValue, !allowed.contains(text) else { return nil }
            let listed = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
            let (code, message): (String, String) =
                switch input {
                case "ckpt_name":
                    ("missing_checkpoint", "checkpoint '\(text)' is not installed on \(backend); installed: \(listed)")
                case "lora_name":
                    ("missing_lora", "LoRA '\(text)' is not installed on \(backend); installed: \(listed)")
                case "sampler_name":
                    ("unknown_sampler", "sampler '\(text)' is not available on \(backend); available: \(listed)")
                case "scheduler":
                    ("unknown_scheduler", "scheduler '\(text)' is not available on \(backend); available: \(listed)")
                default:
                    (
                        "value_not_in_list",
                        "\(type) input '\(input)' (node \(node)): '\(text)' is not one of \(listed) on \(backend)"
                    )
                }
            return Problem(code: code, nodeID: node, input: input, message: message)
        case .int(let min, let max), .float(let min, let max):
            guard let number = value.doubleValue else { return nil }
            if let min, number < min {
                return Problem(
                    code: "value_out_of_range",
                    nodeID: node,
                    input: input,
                    message: "\(type) input '\(input)' (node \(node)): \(number.compact) is below the minimum "
                        + "\(min.compact) on \(backend)"
                )
            }
            if let max, number > max {
                return Problem(
                    code: "value_out_of_range",
                    nodeID: node,
                    input: input,
                    message: "\(type) input '\(input)' (node \(node)): \(number.compact) is above the maximum "
                        + "\(max.compact) on \(backend)"
                )
            }
            return nil
        case .string, .boolean, .link:
            return nil
        }
    }
}
