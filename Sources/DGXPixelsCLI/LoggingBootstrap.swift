import Logging
import PixelsMCP
import Synchronization

/// Starts swift-log on stderr, once: stdout belongs to JSON-RPC (serve) or to the command's output.
enum LoggingBootstrap {
    private static let started = Mutex(false)

    static func start(level: Logger.Level, clientLog: ClientLog?) {
        let first = started.withLock { started in
            defer { started = true }
            return !started
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            guard let clientLog else { return handler }
            return MultiplexLogHandler([handler, ClientLogHandler(label: label, sink: clientLog)])
        }
    }
}
