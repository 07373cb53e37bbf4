import Foundation

/// Everything that can go wrong talking to one ComfyUI server, with the server named in every message.
package enum ComfyUIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection could be made (refused, DNS, reset) even after the retries.
    case unreachable(backend: String, reason: String)
    /// The server took longer than the timeout to answer.
    case timedOut(backend: String, operation: String, seconds: Double)
    /// An HTTP status the call cannot use (5xx after the retries, or an unexpected 4xx).
    case httpStatus(backend: String, operation: String, status: Int, body: String)
    /// The server answered 200 with a body this client cannot read.
    case badResponse(backend: String, operation: String, reason: String)
    /// The answer was longer than the client takes (`ComfyUIClient.Options.maxResponseBytes`); it was cut off.
    case responseTooLarge(backend: String, operation: String, limit: Int)
    /// `POST /prompt` answered 400: the workflow failed validation; nothing was queued.
    case rejected(backend: String, PromptRejection)
    /// The prompt ran and a node failed (`execution_error`).
    case executionFailed(backend: String, promptID: String, nodeID: String, nodeType: String, message: String)
    /// The prompt was interrupted (by us on cancel, or by someone else on the server).
    case interrupted(backend: String, promptID: String)
    /// The prompt is neither queued, running nor in the history: the server lost it (restarted, queue cleared).
    case lost(backend: String, promptID: String)
    /// The prompt finished without any image output.
    case noImages(backend: String, promptID: String)
    /// An image upload was refused before sending: its file name or folder cannot be stored as given.
    case invalidUpload(backend: String, name: String, reason: String)

    /// The server named in the error.
    package var backend: String {
        switch self {
        case .unreachable(let backend, _), .timedOut(let backend, _, _), .httpStatus(let backend, _, _, _),
            .badResponse(let backend, _, _), .responseTooLarge(let backend, _, _), .rejected(let backend, _),
            .executionFailed(let backend, _, _, _, _),
            .interrupted(let backend, _), .lost(let backend, _), .noImages(let backend, _),
            .invalidUpload(let backend, _, _):
            backend
        }
    }

    /// Whether the fault is the server's or the network's rather than the workflow's: the same prompt may
    /// succeed on another backend (or on this one later).
    package var isBackendFault: Bool {
        switch self {
        case .unreachable, .timedOut, .lost: true
        case .httpStatus(_, _, let status, _): status >= 500
        case .badResponse, .responseTooLarge, .rejected, .executionFailed, .interrupted, .noImages, .invalidUpload:
            false
        }
    }

    package var description: String {
        switch self {
        case .unreachable(let backend, let reason):
            "ComfyUI is not reachable at \(backend) (\(reason))"
        case .timedOut(let backend, let operation, let seconds):
            "ComfyUI at \(backend) did not answer \(operation) within \(Self.format(seconds)) s"
        case .httpStatus(let backend, let operation, let status, let body):
            "ComfyUI at \(backend) answered \(operation) with HTTP \(status)"
                + (body.isEmpty ? "" : ": \(body.prefix(300))")
        case .badResponse(let backend, let operation, let reason):
            "ComfyUI at \(backend) sent an unreadable answer to \(operation): \(reason)"
        case .responseTooLarge(let backend, let operation, let limit):
            "ComfyUI at \(backend) answered \(operation) with more than \(limit) bytes; the answer was cut off"
        case .rejected(let backend, let rejection):
            "ComfyUI at \(backend) rejected the workflow: \(rejection)"
        case .executionFailed(let backend, let promptID, let nodeID, let nodeType, let message):
            "ComfyUI at \(backend) failed running prompt \(promptID) at node \(nodeID) (\(nodeType)): "
                + message.trimmingCharacters(in: .whitespacesAndNewlines)
        case .interrupted(let backend, let promptID):
            "prompt \(promptID) was interrupted on ComfyUI at \(backend)"
        case .lost(let backend, let promptID):
            "ComfyUI at \(backend) no longer knows prompt \(promptID) (restarted, or its queue was cleared)"
        case .noImages(let backend, let promptID):
            "prompt \(promptID) finished on ComfyUI at \(backend) without an image: the workflow needs a SaveImage node"
        case .invalidUpload(let backend, let name, let reason):
            "cannot upload '\(name)' to ComfyUI at \(backend): \(reason)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
