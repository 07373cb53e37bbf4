import Logging
import MCP
import Synchronization

/// Sends the server's own log records to MCP clients as `notifications/message`, each at the level its client set
/// with `logging/setLevel` (default `warning`, so a client hears about failures without asking).
///
/// A record logged while a request runs (the engine works inside the request's task tree) goes to that request's
/// session, on that request's stream; any other record goes to every session.
package final class ClientLog: Sendable {
    private let sessions = Mutex<[ObjectIdentifier: WeakSession]>([:])

    private struct WeakSession {
        weak var session: MCPSession?
    }

    package init() {}

    func attach(_ session: MCPSession) {
        sessions.withLock { $0[ObjectIdentifier(session)] = WeakSession(session: session) }
    }

    func detach(_ session: MCPSession) {
        sessions.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(session)) }
    }

    /// Forwards one record to the sessions that want it.
    func forward(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) {
        var data: [String: Value] = ["message": .string(message)]
        for (key, value) in metadata { data[key] = .string("\(value)") }
        let parameters = LogMessageNotification.Parameters(
            level: Self.mcpLevel(level),
            logger: label,
            data: .object(data)
        )
        if let current = MCPSession.current {
            // A request's records go to its own session only; none at all once that session has ended.
            sessions.withLock { $0[current.session]?.session }?.log(parameters, during: current.request)
            return
        }
        let everyone = sessions.withLock { $0.values.compactMap(\.session) }
        for session in everyone { session.log(parameters, during: nil) }
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

    static func rank(_ level: LogLevel) -> Int {
        LogLevel.allCases.firstIndex(of: level) ?? 0
    }
}

/// A swift-log handler that hands records to `ClientLog`; the transports' own records are never forwarded,
/// so a failing connection cannot feed itself.
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
