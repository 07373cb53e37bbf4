import Foundation
import MCP
import Synchronization

/// Where one HTTP session's outgoing messages go: each request's own answer (an SSE stream, or one JSON body), and
/// the session's GET stream for messages about no request in particular.
///
/// Nothing is buffered: a message whose stream is gone (the client disconnected, or asked for JSON and so cannot
/// take progress) is dropped, so memory does not grow with what the server says.
final class SessionStreams: MessageSink {
    /// How request answers are written: as an SSE stream, or as one JSON body.
    enum Form: Sendable {
        case stream, json
    }

    /// What `open` and `listen` did.
    enum Admission: Equatable, Sendable {
        case opened
        /// The request id is still in use by a request whose answer is open.
        case duplicate
        /// `http.max_streams_per_session` answers are open already.
        case tooMany
        /// A GET stream is open already.
        case alreadyListening
        /// The session has ended.
        case ended
    }

    private struct Route {
        var responder: HTTPResponder
        var form: Form
    }

    private struct State {
        var requests: [ID: Route] = [:]
        var listener: HTTPResponder?
        var ended = false
        var lastActive: ContinuousClock.Instant
    }

    /// Headers every answer of the session carries (its `Mcp-Session-Id`).
    let headers: [(String, String)]
    private let limit: Int
    private let state: Mutex<State>

    init(sessionID: String, limit: Int, now: ContinuousClock.Instant) {
        headers = [(HTTPHeaderName.sessionID, sessionID)]
        self.limit = limit
        state = Mutex(State(lastActive: now))
    }

    /// Answers open: requests waiting for their response, plus the GET stream.
    var openCount: Int {
        state.withLock { $0.requests.count + ($0.listener == nil ? 0 : 1) }
    }

    /// When the session was last used: a request arrived, or an answer or stream ended.
    var lastActive: ContinuousClock.Instant {
        state.withLock { $0.lastActive }
    }

    func touch(at now: ContinuousClock.Instant = .now) {
        state.withLock { $0.lastActive = max($0.lastActive, now) }
    }

    /// Makes `responder` the answer of request `id`; its stream (if `form` is `.stream`) starts here.
    func open(_ id: ID, responder: HTTPResponder, form: Form) -> Admission {
        let admission = state.withLock { state -> Admission in
            if state.ended { return .ended }
            if state.requests[id] != nil { return .duplicate }
            if state.requests.count + (state.listener == nil ? 0 : 1) >= limit { return .tooMany }
            state.requests[id] = Route(responder: responder, form: form)
            return .opened
        }
        guard admission == .opened else { return admission }
        // Outside the lock: a connection already closed runs the handler at once, and it takes the lock.
        responder.onClose { [weak self] in self?.abandon(id, responder: responder) }
        if form == .stream { responder.startStream(headers: headers) }
        return .opened
    }

    /// Makes `responder` the session's GET stream and starts it.
    func listen(_ responder: HTTPResponder) -> Admission {
        let admission = state.withLock { state -> Admission in
            if state.ended { return .ended }
            if state.listener != nil { return .alreadyListening }
            if state.requests.count >= limit { return .tooMany }
            state.listener = responder
            return .opened
        }
        guard admission == .opened else { return admission }
        responder.onClose { [weak self] in self?.stopListening(responder) }
        responder.startStream(headers: headers)
        return .opened
    }

    /// Sends a keep-alive comment on every open stream: clients time out a silent stream (the Python SDK after
    /// 300 s), proxies too, and a write to a peer that vanished fails, which closes its stream.
    func keepAlive() {
        let streams = state.withLock { state in
            state.requests.values.filter { $0.form == .stream }.map(\.responder) + [state.listener].compactMap { $0 }
        }
        for responder in streams { responder.send(SSEEvent.keepAlive) }
    }

    func send(_ message: Data, _ route: OutboundRoute) {
        switch route {
        case .response(let id):
            let answer = state.withLock { state -> Route? in
                state.lastActive = .now
                return state.requests.removeValue(forKey: id)
            }
            guard let answer else { return }
            switch answer.form {
            case .stream: answer.responder.finish(with: SSEEvent.message(message))
            case .json: answer.responder.reply(.json(message, headers: headers))
            }
        case .during(let id):
            guard let answer = state.withLock({ $0.requests[id] }), answer.form == .stream else { return }
            answer.responder.send(SSEEvent.message(message))
        case .session:
            state.withLock { $0.listener }?.send(SSEEvent.message(message))
        }
    }

    /// Ends every open answer: streams end without their response (the client learns the session is over), JSON
    /// answers get 404.
    func endAll() {
        let (requests, listener) = state.withLock { state -> ([Route], HTTPResponder?) in
            state.ended = true
            defer {
                state.requests = [:]
                state.listener = nil
            }
            return (Array(state.requests.values), state.listener)
        }
        listener?.finish()
        for route in requests {
            switch route.form {
            case .stream: route.responder.finish()
            case .json: route.responder.reply(.error(.notFound, .invalidRequest("the session has ended")))
            }
        }
    }

    /// Ends request `id`'s answer without a response (the client cancelled it): an SSE stream just ends, a JSON
    /// answer is an empty 202.
    func endUnanswered(_ id: ID) {
        let answer = state.withLock { state -> Route? in
            state.lastActive = .now
            return state.requests.removeValue(forKey: id)
        }
        guard let answer else { return }
        switch answer.form {
        case .stream: answer.responder.finish()
        case .json: answer.responder.reply(HTTPReply(status: .accepted, headers: headers))
        }
    }

    /// The client closed request `id`'s connection: its request keeps running, and its output is dropped.
    private func abandon(_ id: ID, responder: HTTPResponder) {
        state.withLock { state in
            guard state.requests[id]?.responder === responder else { return }
            state.requests[id] = nil
            state.lastActive = .now
        }
    }

    private func stopListening(_ responder: HTTPResponder) {
        state.withLock { state in
            guard state.listener === responder else { return }
            state.listener = nil
            state.lastActive = .now
        }
    }
}
