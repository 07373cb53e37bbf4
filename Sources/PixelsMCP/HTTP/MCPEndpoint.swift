import Foundation
import MCP

/// `/mcp`: the MCP Streamable HTTP transport (spec 2025-11-25) on top of `MCPSession`, the one JSON-RPC dispatch.
///
/// POST carries one JSON-RPC message: a request is answered on its own SSE stream (progress and logs first, the
/// response last) or, for a client that accepts only JSON, as one JSON body; notifications and responses get 202.
/// `initialize` opens a session and its answer carries `Mcp-Session-Id`, which every later request must send. GET
/// opens the session's stream for messages about no request in particular (one per session); DELETE ends the
/// session.
///
/// The SDK's `StatefulHTTPServerTransport` is not used: it sends every notification on the GET stream (progress
/// belongs on its request's stream), keeps every event it ever sent (a leak for a server that runs for months),
/// and answers only with SSE. Its request type and two of its validators (`Content-Type`, `MCP-Protocol-Version`)
/// are used as they are.
final class MCPEndpoint: Sendable {
    static let path = "/mcp"

    let sessions: HTTPSessionTable
    let limits: InboundMessage.Limits

    init(sessions: HTTPSessionTable, limits: InboundMessage.Limits) {
        self.sessions = sessions
        self.limits = limits
    }

    func handle(_ request: HTTPRequest, responder: HTTPResponder) {
        switch request.method {
        case "POST": post(request, responder: responder)
        case "GET": listen(request, responder: responder)
        case "DELETE": delete(request, responder: responder)
        default:
            responder.reply(
                HTTPRouter.methodNotAllowed(request.method, path: Self.path, allowed: ["GET", "POST", "DELETE"])
            )
        }
    }

    /// GET: the session's stream for messages about no request (log records from outside any request).
    private func listen(_ request: HTTPRequest, responder: HTTPResponder) {
        guard AcceptHeader(request.header(HTTPHeaderName.accept)).allowsEventStream else {
            return responder.reply(
                .error(.notAcceptable, .invalidRequest("GET \(Self.path) answers text/event-stream: accept it"))
            )
        }
        if let refusal = Self.checkVersion(request, initializing: false) { return responder.reply(refusal) }
        let session: HTTPSession
        switch lookUp(request) {
        case .success(let found): session = found
        case .failure(let refusal): return responder.reply(refusal.reply)
        }
        switch session.streams.listen(responder) {
        case .opened: break
        case .alreadyListening:
            responder.reply(
                .error(
                    .conflict,
                    .invalidRequest("this session already has a GET stream open: close it before opening another")
                )
            )
        case .tooMany: responder.reply(Self.tooManyStreams(sessions.maxStreams))
        case .duplicate, .ended: responder.reply(Self.unknownSession)
        }
    }

    /// DELETE: ends the session.
    ///
    /// Requests still running finish with their output dropped; jobs go on.
    private func delete(_ request: HTTPRequest, responder: HTTPResponder) {
        if let refusal = Self.checkVersion(request, initializing: false) { return responder.reply(refusal) }
        guard let id = request.header(HTTPHeaderName.sessionID) else {
            return responder.reply(.error(.badRequest, .invalidRequest("DELETE needs the Mcp-Session-Id header")))
        }
        responder.reply(sessions.end(id) ? HTTPReply(status: .ok) : Self.unknownSession)
    }

    /// The session a request names in `Mcp-Session-Id`: 400 without the header, 404 when unknown or expired.
    func lookUp(_ request: HTTPRequest) -> Result<HTTPSession, HTTPRefusal> {
        guard let id = request.header(HTTPHeaderName.sessionID) else {
            return .failure(
                HTTPRefusal(
                    .error(
                        .badRequest,
                        .invalidRequest("missing Mcp-Session-Id header: send initialize first, then its session id")
                    )
                )
            )
        }
        guard let session = sessions.session(id) else { return .failure(HTTPRefusal(Self.unknownSession)) }
        return .success(session)
    }

    /// 400 for an `MCP-Protocol-Version` this server does not speak (absent: 2025-03-26 is assumed, as the spec
    /// says); `initialize` is exempt, since it negotiates the version in its body.
    static func checkVersion(_ request: HTTPRequest, initializing: Bool) -> HTTPReply? {
        let context = HTTPValidationContext(httpMethod: request.method, isInitializationRequest: initializing)
        return ProtocolVersionValidator().validate(request, context: context).map(HTTPReply.from)
    }

    static let unknownSession = HTTPReply.error(
        .notFound,
        .invalidRequest("unknown or expired session: send initialize again (without Mcp-Session-Id)")
    )

    static func tooManyStreams(_ limit: Int) -> HTTPReply {
        .error(
            .tooManyRequests,
            .invalidRequest("this session has \(limit) answers open already (http.max_streams_per_session)")
        )
    }
}

/// An HTTP refusal carried through a `Result`.
struct HTTPRefusal: Error {
    let reply: HTTPReply

    init(_ reply: HTTPReply) {
        self.reply = reply
    }
}
