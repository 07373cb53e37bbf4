import Dispatch
import Synchronization

/// Waits until the first of `operations` finishes, or `timeout` passes, whichever comes first.
///
/// - Returns: The index of the operation that finished first; `operations.count` when the timeout came first; nil
///   when the calling task was cancelled.
///
/// Each operation runs in a task of its own, because waiting for another task's value, for a signal or for requests
/// to settle is not cancellation-aware (a task group would wait for the slowest). Once the race is decided the
/// other tasks are cancelled. The timeout is a dispatch timer cancelled as soon as it loses: a `Task.sleep` that is
/// cancelled keeps its timer until the deadline, so a 45 s wait for a job done in 2 ms held memory for 45 s, and in
/// a busy server thousands of them piled up and slowed every call.
package func firstOf(_ operations: [@Sendable () async -> Void], timeout: Duration? = nil) async -> Int? {
    let outcome = Outcome()
    return await withTaskCancellationHandler {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int?, Never>) in
            outcome.install(continuation)
            if let timeout {
                let timer = DispatchSource.makeTimerSource(queue: .global())
                let (seconds, attoseconds) = timeout.components
                let nanoseconds = max(0, seconds) * 1_000_000_000 + attoseconds / 1_000_000_000
                timer.schedule(deadline: .now() + .nanoseconds(Int(clamping: nanoseconds)))
                timer.setEventHandler { outcome.resolve(operations.count) }
                outcome.add(timer)
                timer.resume()
            }
            for (index, operation) in operations.enumerated() {
                outcome.add(
                    Task {
                        await operation()
                        outcome.resolve(index)
                    }
                )
            }
        }
    } onCancel: {
        outcome.resolve(nil)
    }
}

/// The one-shot result of `firstOf`: the first `resolve` wins and cancels the other operations and the timer.
private final class Outcome: @unchecked Sendable {
    // Unchecked: `DispatchSourceTimer` is not marked Sendable, but it is only touched under `state`'s lock.
    private struct State: @unchecked Sendable {
        var continuation: CheckedContinuation<Int?, Never>?
        var result: Int??
        var tasks: [Task<Void, Never>] = []
        var timer: (any DispatchSourceTimer)?
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<Int?, Never>) {
        let ready = state.withLock { state -> Int?? in
            if state.result == nil { state.continuation = continuation }
            return state.result
        }
        if let ready { continuation.resume(returning: ready) }
    }

    /// Keeps `task` to cancel once the race is decided (at once if it already is).
    func add(_ task: Task<Void, Never>) {
        let decided = state.withLock { state -> Bool in
            if state.result == nil { state.tasks.append(task) }
            return state.result != nil
        }
        if decided { task.cancel() }
    }

    func add(_ timer: any DispatchSourceTimer) {
        nonisolated(unsafe) let timer = timer
        state.withLock { $0.timer = timer }
    }

    func resolve(_ value: Int?) {
        let (continuation, losers, timer) = state.withLock {
            state -> (CheckedContinuation<Int?, Never>?, [Task<Void, Never>], (any DispatchSourceTimer)?) in
            guard state.result == nil else { return (nil, [], nil) }
            state.result = .some(value)
            defer {
                state.continuation = nil
                state.tasks = []
                state.timer = nil
            }
            return (state.continuation, state.tasks, state.timer)
        }
        timer?.cancel()
        for task in losers { task.cancel() }
        continuation?.resume(returning: value)
    }
}
