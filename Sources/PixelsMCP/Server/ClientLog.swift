import Logging
import MCP
import Synchronization

/// Sends the server's own log records to the MCP client as `notifications/message`, at the level the client set
/// with `logging/setLevel` (default `warning`, so a client hears about failures without asking).
package final class ClientLog: Sendable {
    private struct State {
        var server: Server?
        var level: LogLevel = .warning
    }

    private let state = Mutex(State())

    package init() {}

    /// Starts forwarding to `server`'s client.
    func attach(_ server: Server) {
        state.withLock { $0.server = server }
    }

    func setLevel(_ level: LogLevel) {
        state.withLock { $0.level = level }
    }

    /// Forwards one record when it is at or above the client's level.
    func forward(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) {
        let mapped = Self.mcpLevel(level)
        guard let server = state.withLock({ state in Self.rank(mapped) >= Self.rank(state.level) ? state.server : nil })
        else { return }
        var data: [String: Value] = ["message": .string(message)]
        for (key, value) in metadata { data[key] = .string("\(value)") }
        let payload = Value.object(data)
        Task { try? await server.log(level: mapped, logger: label, data: payload) }
    }

    static func mcpLevel(_ level: Logger.Level) -> LogLevel {
        switch level {
        case .trace, .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }

    private static func rank(_ level: LogLevel) -> Int {
        LogLevel.allCases.firstIndex(of: level) ?? 0
    }
}

/// A swift-log handler that hands records to `ClientLog`; the transport's own records are never forwarded,
/// so a failing stdout cannot feed itself.
package struct ClientLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .trace
    private let label: String
    private let sink: ClientLog

    package init(label: String, sink: ClientLog) {
        self.label = label
        self.sink = sink
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        guard !label.hasPrefix("dgx-pixels.transport"), !label.hasPrefix("mcp") else { return }
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        sink.forward(level: event.level, label: label, message: event.message.description, metadata: merged)
    }
}
