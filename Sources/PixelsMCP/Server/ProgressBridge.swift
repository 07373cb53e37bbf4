import MCP
import SpriteEngine
import Synchronization

/// Turns engine progress into `notifications/progress` for one request, never sending a value lower than before.
enum ProgressBridge {
    /// A reporter for the request carrying `token`, or `.none` when the client asked for no progress.
    static func reporter(
        for token: ProgressToken?,
        send: @escaping @Sendable (ProgressNotification.Parameters) async -> Void
    ) -> ProgressReporter {
        guard let token else { return .none }
        let highest = Mutex(-1.0)
        return ProgressReporter { event in
            let isNew = highest.withLock { value in
                guard event.progress > value else { return false }
                value = event.progress
                return true
            }
            guard isNew else { return }
            let parameters = ProgressNotification.Parameters(
                progressToken: token,
                progress: event.progress,
                total: event.total,
                message: event.message
            )
            await send(parameters)
        }
    }
}
