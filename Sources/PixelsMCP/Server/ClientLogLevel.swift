import MCP
import Synchronization

/// The level the client asked for with `logging/setLevel` (default `info`).
final class ClientLogLevel: Sendable {
    private let level = Mutex(LogLevel.info)

    func set(_ newLevel: LogLevel) {
        level.withLock { $0 = newLevel }
    }

    var current: LogLevel { level.withLock { $0 } }
}
