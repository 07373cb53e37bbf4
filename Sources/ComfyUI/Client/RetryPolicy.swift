/// How often and how patiently a request is retried after a connect error or a 5xx answer.
package struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included (1 = no retry).
    package var attempts: Int
    /// The wait before the first retry; each next wait doubles, up to `maxDelay`.
    package var initialDelay: Duration
    package var maxDelay: Duration

    package init(attempts: Int = 3, initialDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5)) {
        self.attempts = max(1, attempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// No retries: one attempt.
    package static let none = RetryPolicy(attempts: 1)

    /// The wait before retry number `retry` (1-based), with ±20 % jitter so clients do not retry in step.
    package func delay(beforeRetry retry: Int) -> Duration {
        var delay = initialDelay
        for _ in 1..<max(1, retry) { delay = min(delay * 2, maxDelay) }
        return delay * Double.random(in: 0.8...1.2)
    }
}
