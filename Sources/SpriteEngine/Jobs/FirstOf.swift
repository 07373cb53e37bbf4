import Synchronization

/// Waits until the first of `operations` finishes and returns its index, or nil if the calling task is cancelled.
///
/// The operations are left to finish (or not) on their own: waiting for another task's value, for a signal or for
/// requests to settle is not cancellation-aware, so a task group would wait for the slowest of them.
package func firstOf(_ operations: [@Sendable () async -> Void]) async -> Int? {
    let outcome = Outcome()
    return await withTaskCancellationHandler {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int?, Never>) in
            outcome.install(continuation)
            for (index, operation) in operations.enumerated() {
                Task {
                    await operation()
                    outcome.resolve(index)
                }
            }
        }
    } onCancel: {
        outcome.resolve(nil)
    }
}

/// The one-shot result of `firstOf`: the first `resolve` wins, later ones are ignored.
private final class Outcome: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Int?, Never>?
        var result: Int??
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<Int?, Never>) {
        let ready = state.withLock { state -> Int?? in
            if state.result == nil { state.continuation = continuation }
            return state.result
        }
        if let ready { continuation.resume(returning: ready) }
    }

    func resolve(_ value: Int?) {
        let continuation = state.withLock { state -> CheckedContinuation<Int?, Never>? in
            guard state.result == nil else { return nil }
            state.result = .some(value)
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: value)
    }
}
