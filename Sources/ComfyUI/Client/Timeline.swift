/// Time as the client's and the engine's policies see it (prompt deadlines, polling, queue checks, backoff): a
/// monotonic now, and sleeping until a moment of it.
///
/// `SystemTimeline` is the real clock. Tests pass a manual one and move it forward themselves, so a 30-minute prompt
/// timeout or a doubling backoff is tested without waiting for it.
package protocol Timeline: Sendable {
    var now: ContinuousClock.Instant { get }
    /// Returns at `deadline` (at once when it has passed); throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: ContinuousClock.Instant) async throws
}

extension Timeline {
    package func sleep(for duration: Duration) async throws {
        try await sleep(until: now + duration)
    }
}

/// The real clock: `ContinuousClock`.
package struct SystemTimeline: Timeline {
    package init() {}

    package var now: ContinuousClock.Instant { ContinuousClock.now }

    package func sleep(until deadline: ContinuousClock.Instant) async throws {
        try await Task.sleep(until: deadline, clock: .continuous)
    }
}
