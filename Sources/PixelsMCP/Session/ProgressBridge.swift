import MCP
import SpriteEngine
import Synchronization

/// Turns engine progress into `notifications/progress` for one request, never sending a value lower than before.
///
/// Items of a batch report from concurrent tasks, so the check "higher than the last one sent" and the send happen
/// under one lock: `send` must hand the notification over without suspending (a blocking line write, or a yield to
/// an ordered queue), or two notifications could overtake each other on the way out.
enum ProgressBridge {
    /// A reporter for the request carrying `token`, or `.none` when the client asked for no progress.
    static func reporter(
        for token: ProgressToken?,
        send: @escaping @Sendable (ProgressNotification.Parameters) -> Void
    ) -> ProgressReporter {
        guard let token else { return .none }
        let highest = Mutex(-1.0)
        return ProgressReporter { event in
            highest.withLock { value in
                guard event.progress > value else { return }
                value = event.progress
                send(
                    ProgressNotification.Parameters(
                        progressToken: token,
                        progress: event.progress,
                        total: event.total,
                        message: event.message
                    )
                )
            }
        }
    }
}
