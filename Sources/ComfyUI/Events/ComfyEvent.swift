import Foundation

/// One message of ComfyUI's `/ws` event stream, typed; unknown message types are `.other` and ignored.
package enum ComfyEvent: Sendable, Equatable {
    /// Broadcast to every socket when the queue changes; the first one after connecting carries the socket's `sid`.
    case status(queueRemaining: Int, sid: String?)
    case executionStart(promptID: String)
    /// The nodes whose outputs came from ComfyUI's cache (all of them for a prompt that ran before).
    case executionCached(promptID: String, nodes: [String])
    /// A node started; `node == nil` is the legacy "prompt finished" signal sent after every outcome.
    case executing(promptID: String, node: String?)
    /// A sampler step: `value` of `max` at `node`.
    case progress(promptID: String, node: String, value: Int, max: Int)
    /// A node produced output; an output node's images are listed.
    case executed(promptID: String, node: String, images: [OutputImage])
    case executionSuccess(promptID: String)
    case executionError(promptID: String, nodeID: String, nodeType: String, message: String)
    case executionInterrupted(promptID: String)
    /// A binary preview frame (event type 1, or 4 with metadata); `promptID` only when the metadata says so.
    case preview(promptID: String?, imageType: String, data: Data)
    /// Any other message (`progress_state`, `feature_flags`, newer types).
    case other(type: String)

    /// The prompt the event belongs to; nil for broadcasts.
    package var promptID: String? {
        switch self {
        case .executionStart(let id), .executionCached(let id, _), .executing(let id, _), .progress(let id, _, _, _),
            .executed(let id, _, _), .executionSuccess(let id), .executionError(let id, _, _, _),
            .executionInterrupted(let id):
            id
        case .preview(let id, _, _): id
        case .status, .other: nil
        }
    }

    /// Decodes one text frame; nil when it is not a JSON object with a `type`.
    package init?(text: String) {
        guard let json = try? JSONValue(parsing: Data(text.utf8)), let type = json["type"]?.stringValue else {
            return nil
        }
        let data = json["data"] ?? .null
        let promptID = data["prompt_id"]?.stringValue
        switch (type, promptID) {
        case ("status", _):
            self = .status(
                queueRemaining: data["status"]?["exec_info"]?["queue_remaining"]?.intValue ?? 0,
                sid: data["sid"]?.stringValue
            )
        case ("execution_start", let id?):
            self = .executionStart(promptID: id)
        case ("execution_cached", let id?):
            self = .executionCached(promptID: id, nodes: (data["nodes"]?.arrayValue ?? []).compactMap(\.stringValue))
        case ("executing", let id?):
            self = .executing(promptID: id, node: data["node"]?.stringValue)
        case ("progress", let id?):
            self = .progress(
                promptID: id,
                node: data["node"]?.stringValue ?? "?",
                value: data["value"]?.intValue ?? 0,
                max: data["max"]?.intValue ?? 0
            )
        case ("executed", let id?):
            self = .executed(
                promptID: id,
                node: data["node"]?.stringValue ?? "?",
                images: OutputImage.list(in: data["output"])
            )
        case ("execution_success", let id?):
            self = .executionSuccess(promptID: id)
        case ("execution_error", let id?):
            self = .executionError(
                promptID: id,
                nodeID: data["node_id"]?.stringValue ?? "?",
                nodeType: data["node_type"]?.stringValue ?? "?",
                message: data["exception_message"]?.stringValue ?? "unknown error"
            )
        case ("execution_interrupted", let id?):
            self = .executionInterrupted(promptID: id)
        default:
            self = .other(type: type)
        }
    }

    /// Decodes a binary preview frame; nil for other frame types.
    ///
    /// Type 1 is `[type u32 BE][format u32 BE][image]`; type 4 is
    /// `[type u32 BE][metadata length u32 BE][metadata JSON][image]`.
    package init?(binary: Data) {
        let bytes = [UInt8](binary.prefix(8))
        guard bytes.count == 8 else { return nil }
        func word(_ offset: Int) -> Int {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        switch word(0) {
        case 1:
            self = .preview(
                promptID: nil,
                imageType: word(4) == 2 ? "image/png" : "image/jpeg",
                data: binary.dropFirst(8)
            )
        case 4:
            let length = word(4)
            guard binary.count >= 8 + length else { return nil }
            let start = binary.startIndex + 8
            let metadata = try? JSONValue(parsing: binary[start..<start + length])
            self = .preview(
                promptID: metadata?["prompt_id"]?.stringValue,
                imageType: metadata?["image_type"]?.stringValue ?? "image/jpeg",
                data: binary[(start + length)...]
            )
        default:
            return nil
        }
    }
}
