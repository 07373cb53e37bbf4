extension ObjectInfo {
    /// What would stop `graph` (a bound API-format graph) from running on the server this info describes.
    ///
    /// Problems come in node order. `backend` names the server in messages (`http://gpu:8188`). Links are not checked here:
    /// template loading already did.
    package func problems(in graph: JSONValue, backend: String) -> [WorkflowProblem] {
        let nodes = graph.objectValue ?? [:]
        var problems: [WorkflowProblem] = []
        for id in WorkflowTemplate.sortedIDs(nodes.keys) {
            guard let node = nodes[id], let classType = node["class_type"]?.stringValue else { continue }
            guard let nodeClass = nodeClasses[classType] else {
                problems.append(
                    WorkflowProblem(
                        code: .nodeClassNotInstalled,
                        nodeID: id,
                        classType: classType,
                        message: "node class '\(classType)' is not installed on \(backend)"
                    )
                )
                continue
            }
            let inputs = node["inputs"]?.objectValue ?? [:]
            for name in nodeClass.required.keys.sorted() where inputs[name] == nil {
                problems.append(
                    WorkflowProblem(
                        code: .requiredInputMissing,
                        nodeID: id,
                        classType: classType,
                        input: name,
                        message: "node \(id) (\(classType)) lacks the required input '\(name)' on \(backend)"
                    )
                )
            }
            for name in inputs.keys.sorted() {
                guard let value = inputs[name], WorkflowTemplate.linkTarget(value) == nil,
                    let spec = nodeClass.input(named: name)
                else { continue }
                if let problem = Self.problem(
                    value,
                    spec,
                    input: name,
                    nodeID: id,
                    classType: classType,
                    backend: backend
                ) {
                    problems.append(problem)
                }
            }
        }
        return problems
    }

    private static func problem(
        _ value: JSONValue,
        _ spec: Input,
        input: String,
        nodeID: String,
        classType: String,
        backend: String
    ) -> WorkflowProblem? {
        func make(_ code: WorkflowProblem.Code, _ message: String) -> WorkflowProblem {
            WorkflowProblem(code: code, nodeID: nodeID, classType: classType, input: input, message: message)
        }
        let place = "node \(nodeID) (\(classType)) input '\(input)'"
        switch spec.kind {
        case .combo(let allowed):
            guard !spec.acceptsUploads, !allowed.contains(value.textForm) else { return nil }
            let (code, message) = notInList(value.textForm, allowed, input: input, place: place, backend: backend)
            return make(code, message)
        case .int, .float:
            guard spec.kind == .float ? value.isNumber : value.isInteger else {
                let expected = spec.kind == .int ? "an integer" : "a number"
                return make(.invalidValueType, "\(place) takes \(expected), not \(value.described)")
            }
            if let low = spec.min, JSONValue.compareNumbers(value, low) == .orderedAscending {
                return make(
                    .valueBelowMinimum,
                    "\(place) is \(value.textForm), below the minimum \(low.textForm) on \(backend)"
                )
            }
            if let high = spec.max, JSONValue.compareNumbers(value, high) == .orderedDescending {
                return make(
                    .valueAboveMaximum,
                    "\(place) is \(value.textForm), above the maximum \(high.textForm) on \(backend)"
                )
            }
            return nil
        default:
            return nil
        }
    }

    /// The purpose-specific message for a value missing from a combo: a checkpoint or LoRA not installed, a sampler
    /// or scheduler not available, or any other value not allowed.
    private static func notInList(
        _ value: String,
        _ allowed: [String],
        input: String,
        place: String,
        backend: String
    ) -> (WorkflowProblem.Code, String) {
        let list = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
        switch input {
        case "ckpt_name":
            return (.checkpointNotInstalled, "checkpoint '\(value)' is not installed on \(backend); installed: \(list)")
        case "lora_name":
            return (.loraNotInstalled, "LoRA '\(value)' is not installed on \(backend); installed: \(list)")
        case "vae_name":
            return (.vaeNotInstalled, "VAE '\(value)' is not installed on \(backend); installed: \(list)")
        case "sampler_name":
            return (.samplerNotAvailable, "sampler '\(value)' is not available on \(backend); available: \(list)")
        case "scheduler":
            return (.schedulerNotAvailable, "scheduler '\(value)' is not available on \(backend); available: \(list)")
        default:
            return (.valueNotInList, "\(place) is '\(value)', which \(backend) does not offer; allowed: \(list)")
        }
    }
}

extension WorkflowTemplate {
    /// Binds `values` (defaults for the rest) and lists what would stop the graph from running on `backend`.
    package func problems(
        against info: ObjectInfo,
        backend: String,
        values: [String: JSONValue] = [:]
    ) throws(WorkflowError) -> [WorkflowProblem] {
        info.problems(in: try bind(values), backend: backend)
    }
}
