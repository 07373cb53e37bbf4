import Foundation
import Synchronization

/// Counts JSON-RPC requests received and answered, so shutdown can wait for in-flight work to be answered.
///
/// A request is settled when a response with its id is sent, or when the client cancels it
/// (`notifications/cancelled`: the SDK then sends no response, as the spec requires).
package final class RequestLedger: Sendable {
    private struct State {
        var open: Set<String> = []
        var inputClosed = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    package init() {}

    /// Requests received and not yet answered or cancelled.
    package var openRequests: Int { state.withLock { $0.open.count } }

    package func noteIncoming(_ line: Data) {
        guard let envelope = JSONRPCEnvelope.decode(line) else { return }
        noteIncoming(envelope)
    }

    func noteIncoming(_ envelope: JSONRPCEnvelope) {
        if envelope.method == "notifications/cancelled", let id = envelope.params?.requestId {
            settle(id.key)
        } else if let id = envelope.id, envelope.method != nil {
            state.withLock { _ = $0.open.insert(id.key) }
        }
    }

    package func noteOutgoing(_ message: Data) {
        guard let envelope = JSONRPCEnvelope.decode(message), envelope.method == nil, let id = envelope.id
        else { return }
        settle(id.key)
    }

    package func noteInputClosed() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.inputClosed = true
            return state.open.isEmpty ? takeWaiters(&state) : []
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once every request received so far has been answered or cancelled.
    package func waitUntilSettled() async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Bool in
                if state.open.isEmpty { return true }
                state.waiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Marks request `id` answered (for responses written past `noteOutgoing`).
    func settle(_ id: JSONRPCID) {
        settle(id.key)
    }

    private func settle(_ key: String) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open.remove(key)
            return state.open.isEmpty ? takeWaiters(&state) : []
        }
        for waiter in waiters { waiter.resume() }
    }

    private func takeWaiters(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        defer { state.waiters.removeAll() }
        return state.waiters
    }
}
