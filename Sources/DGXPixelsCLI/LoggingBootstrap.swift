import Logging
import Synchronization

/// Starts swift-log on stderr, once: stdout belongs to JSON-RPC (serve) or to the command's output.
enum LoggingBootstrap {
    private static let started = Mutex(false)

    static func start(level: Logger.Level) {
        let first = started.withLock { started in
            defer { started = true }
            return !started
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
