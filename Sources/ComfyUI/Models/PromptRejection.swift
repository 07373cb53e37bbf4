/// ComfyUI's 400 answer to `POST /prompt`: `{"error": {type, message, details, extra_info}, "node_errors": {...}}`.
package struct PromptRejection: Sendable, Equatable, CustomStringConvertible {
    /// One problem with one input of one node.
    package struct InputError: Sendable, Equatable {
        package var type: String
        package var message: String
        package var details: String
        package var inputName: String?
    }

    /// The problems of one node.
    package struct NodeError: Sendable, Equatable {
        package var nodeID: String
        package var classType: String
        package var errors: [InputError]
    }

    /// ComfyUI's error type, such as `invalid_prompt` or `prompt_outputs_failed_validation`.
    package var type: String
    package var message: String
    package var details: String
    /// Sorted by node id.
    package var nodeErrors: [NodeError]

    package init(type: String, message: String, details: String = "", nodeErrors: [NodeError] = []) {
        self.type = type
        self.message = message
        self.details = details
        self.nodeErrors = nodeErrors
    }

    /// Reads the JSON body; nil when it is not ComfyUI's error shape.
    package init?(json: JSONValue) {
        guard let error = json["error"], let type = error["type"]?.stringValue else { return nil }
        self.type = type
        message = error["message"]?.stringValue ?? type
        details = error["details"]?.stringValue ?? ""
        nodeErrors = (json["node_errors"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { id, node in
            NodeError(
                nodeID: id,
                classType: node["class_type"]?.stringValue ?? "?",
                errors: (node["errors"]?.arrayValue ?? []).map { entry in
                    InputError(
                        type: entry["type"]?.stringValue ?? "error",
                        message: entry["message"]?.stringValue ?? "",
                        details: entry["details"]?.stringValue ?? "",
                        inputName: entry["extra_info"]?["input_name"]?.stringValue
                    )
                }
            )
        }
    }

    package var description: String {
        var text = message
        if !details.isEmpty { text += " (\(details))" }
        for node in nodeErrors {
            for error in node.errors {
                text += "; node \(node.nodeID) (\(node.classType)): \(error.message)"
                if !error.details.isEmpty { text += ": \(error.details)" }
            }
        }
        return text
    }
}
