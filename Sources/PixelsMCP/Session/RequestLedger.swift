import MCP
import Synchronization

/// The requests a session has accepted and not yet answered, so shutdown can wait until every one is.
///
/// A request is settled when its response is sent, or when the client cancels it (`notifications/cancelled`: no
/// response is sent then, as the MCP spec requires).
package final class RequestLedger: Sendable {
    private struct State {
        var open: Set<ID> = []
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    package init() {}

    /// Requests accepted and not yet answered or cancelled.
    package var openRequests: Int { state.withLock { $0.open.count } }

    func open(_ id: ID) {
        state.withLock { _ = $0.open.insert(id) }
    }

    func settle(_ id: ID) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard state.open.remove(id) != nil, state.open.isEmpty else { return [] }
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once every request accepted so far has been answered or cancelled.
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
}
