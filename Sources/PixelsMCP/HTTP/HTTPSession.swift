import Foundation
import SpriteEngine

/// One MCP session over HTTP: its id (`Mcp-Session-Id`), its JSON-RPC dispatch, and where its messages go.
final class HTTPSession: Sendable {
    let id: String
    let mcp: MCPSession
    let streams: SessionStreams

    init(id: String, context: ServerContext, maxStreams: Int, now: ContinuousClock.Instant) {
        self.id = id
        streams = SessionStreams(sessionID: id, limit: maxStreams, now: now)
        mcp = MCPSession(context: context, sink: streams)
    }

    /// Idle: no request running, no answer or stream open, and no request for `limit` up to `now`.
    func isIdle(at now: ContinuousClock.Instant, limit: Duration) -> Bool {
        mcp.ledger.openRequests == 0 && streams.openCount == 0 && now - streams.lastActive >= limit
    }

    /// Ends the session: its streams end, and requests still running finish with their output dropped (their jobs
    /// carry on in the engine; only `notifications/cancelled` or `cancel_job` cancels).
    func end() {
        streams.endAll()
        mcp.close(cancellingRequests: false)
    }

    /// A new session id: 128 bits from the system's cryptographic generator, as 32 hex digits (visible ASCII, as
    /// the transport spec requires).
    static func makeID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let half = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - half.count) + half
        }.joined()
    }
}
