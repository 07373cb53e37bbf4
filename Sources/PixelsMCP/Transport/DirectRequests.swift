import Foundation
import Synchronization

/// Requests the stdio transport hands straight to a handler, past the SDK's request dispatch.
///
/// The SDK's dispatch encodes every result, decodes it back into `Value` (running a data-URL regex on every string)
/// and encodes the response again. For `tools/call`, whose results carry a base64 PNG preview, that was most of a
/// cache hit's round trip. A direct handler gets the request line and returns the response line, encoded once.
///
/// The handler runs in its own task; `notifications/cancelled` for its id cancels that task, and a cancelled request
/// gets no response, as the MCP spec requires (and as the SDK does).
package final class DirectRequests: Sendable {
    /// Reads one request line and returns the work that answers it with its complete response line (nil when the
    /// request was cancelled); nil when it cannot read the request, which then goes to the SDK for its error answer.
    package typealias Handler = @Sendable (_ request: Data) -> (@Sendable () async -> Data?)?

    private let handlers = Mutex<[String: Handler]>([:])
    private let running = Mutex<[String: Task<Void, Never>]>([:])

    package init() {}

    /// Sends every `method` request to `handler` from now on.
    package func route(_ method: String, to handler: @escaping Handler) {
        handlers.withLock { $0[method] = handler }
    }

    /// Starts handling `line` when its method is routed here; false when the SDK must handle it.
    ///
    /// `answer` writes the response line; `settled` is called once the request is answered or cancelled.
    func start(
        _ line: Data,
        envelope: JSONRPCEnvelope,
        answer: @escaping @Sendable (Data) -> Void,
        settled: @escaping @Sendable () -> Void
    ) -> Bool {
        guard let method = envelope.method, let id = envelope.id, let handler = handlers.withLock({ $0[method] }),
            let work = handler(line)
        else { return false }
        let key = id.key
        running.withLock { running in
            running[key] = Task {
                if let response = await work() { answer(response) }
                self.running.withLock { _ = $0.removeValue(forKey: key) }
                settled()
            }
        }
        return true
    }

    /// Cancels the request `id` when it is handled here; false when it is not (the SDK may know it).
    func cancel(_ id: JSONRPCID) -> Bool {
        guard let task = running.withLock({ $0[id.key] }) else { return false }
        task.cancel()
        return true
    }
}
