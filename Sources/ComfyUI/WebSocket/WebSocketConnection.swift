import Foundation

/// One message read from a WebSocket: ComfyUI sends JSON events as text and previews as binary frames.
package enum WebSocketMessage: Sendable, Equatable {
    case text(String)
    case binary(Data)
}

/// An open client WebSocket.
///
/// The client code depends on this protocol only, so a TLS-capable implementation can
/// replace the plain `ws://` one without touching the event logic.
package protocol WebSocketConnection: Sendable {
    /// Every message in arrival order; the stream finishes when the socket closes, for whatever reason
    /// (server close, network error, `close()`).
    var messages: AsyncStream<WebSocketMessage> { get }
    /// Sends a text frame.
    func send(text: String) async throws
    /// Closes the socket (close frame, then the connection); idempotent.
    func close() async
}

/// Opens WebSocket connections.
package protocol WebSocketConnector: Sendable {
    /// Connects to `url` (`ws://host:port/path?query`) and completes the upgrade handshake within `timeout`.
    func connect(to url: URL, timeout: Duration) async throws -> any WebSocketConnection
}

/// Why a WebSocket could not be opened.
package enum WebSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    case unsupportedURL(String)
    case connectFailed(String)
    case handshakeFailed(String)
    case timedOut
    case closed

    package var description: String {
        switch self {
        case .unsupportedURL(let url): "unsupported WebSocket URL '\(url)' (only ws:// is supported)"
        case .connectFailed(let reason): "could not connect: \(reason)"
        case .handshakeFailed(let reason): "WebSocket upgrade failed: \(reason)"
        case .timedOut: "timed out"
        case .closed: "the WebSocket is closed"
        }
    }
}
