import Foundation
import MCP

extension MCPEndpoint {
    /// POST: one JSON-RPC message.
    ///
    /// Checks run cheapest first: Content-Type (415), Accept (406), the envelope (400, with the JSON-RPC error the
    /// message earned), `MCP-Protocol-Version` (400), the session (400/404/503).
    func post(_ request: HTTPRequest, responder: HTTPResponder) {
        if let refusal = ContentTypeValidator().validate(request, context: HTTPValidationContext(httpMethod: "POST")) {
            return responder.reply(.from(refusal))
        }
        let accept = AcceptHeader(request.header(HTTPHeaderName.accept))
        guard accept.allowsEventStream || accept.allowsJSON else {
            return responder.reply(
                .error(
                    .notAcceptable,
                    .invalidRequest("POST \(Self.path) answers application/json or text/event-stream: accept one")
                )
            )
        }
        let message: InboundMessage
        switch InboundMessage.read(request.body ?? Data(), limits: limits) {
        case .success(let read): message = read
        case .failure(let failure):
            return responder.reply(.json(OutboundMessage.error(id: failure.id, failure.error), status: .badRequest))
        }
        let initializing: Bool
        if case .request(_, let method) = message.kind, method == Initialize.name {
            initializing = true
        } else {
            initializing = false
        }
        if let refusal = Self.checkVersion(request, initializing: initializing) { return responder.reply(refusal) }
        let session: HTTPSession
        if initializing, request.header(HTTPHeaderName.sessionID) == nil {
            switch sessions.create() {
            case .created(let created): session = created
            case .full:
                return responder.reply(
                    .error(
                        .serviceUnavailable,
                        .serverError(
                            code: -32000,
                            message: "the server has \(sessions.maxSessions) sessions open (http.max_sessions): "
                                + "try again later, or end unused sessions with DELETE"
                        ),
                        headers: [("Retry-After", "5")]
                    )
                )
            }
        } else {
            switch lookUp(request) {
            case .success(let found): session = found
            case .failure(let refusal): return responder.reply(refusal.reply)
            }
        }
        guard case .request(let id, _) = message.kind else {
            // A notification or a response: nothing to answer.
            session.mcp.receive(message)
            if case .notification(let method) = message.kind, method == CancelledNotification.name,
                let cancelled = try? JSONDecoder().decode(CancelledNotification.Parameters.self, from: message.params),
                let cancelledID = cancelled.requestId
            {
                // The request gets no response (MCP cancellation), so its answer ends here, empty.
                session.streams.endUnanswered(cancelledID)
            }
            return responder.reply(HTTPReply(status: .accepted, headers: session.streams.headers))
        }
        switch session.streams.open(id, responder: responder, form: accept.allowsEventStream ? .stream : .json) {
        case .opened:
            session.mcp.receive(message)
        case .duplicate:
            responder.reply(
                .json(
                    OutboundMessage.error(
                        id: id,
                        .invalidRequest("request id \(id) is already in use by a request still running")
                    ),
                    status: .badRequest,
                    headers: session.streams.headers
                )
            )
        case .tooMany: responder.reply(Self.tooManyStreams(sessions.maxStreams))
        case .alreadyListening, .ended: responder.reply(Self.unknownSession)
        }
    }
}
