import Foundation
import MCP

/// Where one client connection's outgoing messages go: a stdio line writer, an HTTP session's streams.
package protocol MessageSink: Sendable {
    /// Hands `message` to the connection without suspending, so callers keep their order (progress before the
    /// response it precedes). `route` says which request, if any, the message belongs to.
    func send(_ message: Data, _ route: OutboundRoute)
}

/// Which request an outgoing message belongs to; HTTP puts each on that request's stream, stdio has only one.
package enum OutboundRoute: Sendable, Equatable {
    /// The response to request `id`: the last message of that request.
    case response(to: ID)
    /// A notification about request `id` while it runs (its progress, its logs).
    case during(ID)
    /// A notification about no request in particular.
    case session
}
