/// A finished (or failed) prompt as `GET /history/{id}` reports it.
package struct HistoryEntry: Sendable, Equatable {
    /// How the prompt ended.
    package enum Outcome: Sendable, Equatable {
        case success
        /// `execution_error`: the node that failed and ComfyUI's message.
        case failed(nodeID: String, nodeType: String, message: String)
        case interrupted
        /// `status_str` said error but no message tells why.
        case unknownError
    }

    package var promptID: String
    package var outcome: Outcome
    /// Output images in node-id order.
    package var images: [OutputImage]

    /// Reads one entry of the history object (`{id: {prompt, outputs, status, meta}}`).
    package init?(promptID: String, json: JSONValue) {
        guard let status = json["status"] else { return nil }
        self.promptID = promptID
        let outputs = json["outputs"]?.objectValue ?? [:]
        images = outputs.keys.sorted(by: Self.nodeOrder).flatMap { OutputImage.list(in: outputs[$0]) }
        let messages = status["messages"]?.arrayValue ?? []
        func message(_ type: String) -> JSONValue? {
            messages.first { $0[0]?.stringValue == type }?[1]
        }
        if status["status_str"]?.stringValue == "success" {
            outcome = .success
        } else if let error = message("execution_error") {
            outcome = .failed(
                nodeID: error["node_id"]?.stringValue ?? "?",
                nodeType: error["node_type"]?.stringValue ?? "?",
                message: error["exception_message"]?.stringValue ?? "unknown error"
            )
        } else if message("execution_interrupted") != nil {
            outcome = .interrupted
        } else if status["completed"]?.boolValue == true {
            outcome = .success
        } else {
            outcome = .unknownError
        }
    }

    /// Node ids are numbers in text; order them as numbers so "10" comes after "9".
    package static func nodeOrder(_ lhs: String, _ rhs: String) -> Bool {
        switch (Int(lhs), Int(rhs)) {
        case (let left?, let right?): left < right
        default: lhs < rhs
        }
    }
}
