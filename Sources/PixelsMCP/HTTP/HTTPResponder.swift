import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Writes the answer to one HTTP request from any thread: a whole reply, or an SSE stream event by event.
///
/// Every write is handed to the connection's event loop (`execute`) while the responder's lock is held, so writes
/// reach the socket in the order the calls were made, and a caller that holds a lock of its own never runs NIO code
/// re-entrantly. Once the answer is finished or the client has gone, later calls do nothing.
final class HTTPResponder: Sendable {
    private enum Phase {
        case waiting, streaming, finished
    }

    private struct State {
        var phase = Phase.waiting
        var closed = false
        var onClose: [@Sendable () -> Void] = []
    }

    private let channel: any Channel
    private let version: HTTPVersion
    private let keepAlive: Bool
    private let state = Mutex(State())

    init(channel: any Channel, version: HTTPVersion, keepAlive: Bool) {
        self.channel = channel
        self.version = version
        self.keepAlive = keepAlive
    }

    /// True until the answer is finished or the connection is gone.
    var isOpen: Bool {
        state.withLock { !$0.closed && $0.phase != .finished }
    }

    /// Runs `handler` once if the connection closes before the answer is finished (the client went away); at once
    /// when it already has.
    func onClose(_ handler: @escaping @Sendable () -> Void) {
        let now = state.withLock { state -> Bool in
            guard !state.closed else { return state.phase != .finished }
            if state.phase != .finished { state.onClose.append(handler) }
            return false
        }
        if now { handler() }
    }

    /// Sends `reply` whole, with a `Content-Length`; closes the connection after it when the client asked to.
    func reply(_ reply: HTTPReply) {
        var headers = HTTPHeaders(reply.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(reply.body.count))
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: version, status: reply.status, headers: headers)
        let body = reply.body.isEmpty ? nil : channel.allocator.buffer(bytes: reply.body)
        let keepAlive = self.keepAlive
        state.withLock { state in
            guard !state.closed, state.phase == .waiting else { return }
            state.phase = .finished
            state.onClose = []
            channel.eventLoop.execute { [channel] in
                channel.write(HTTPServerResponsePart.head(head), promise: nil)
                if let body { channel.write(HTTPServerResponsePart.body(.byteBuffer(body)), promise: nil) }
                channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
                    if !keepAlive { channel.close(promise: nil) }
                }
            }
        }
    }

    /// Starts an SSE stream (200, `text/event-stream`, no length: chunked); false when the answer already began or
    /// the client is gone.
    @discardableResult
    func startStream(headers extra: [(String, String)] = []) -> Bool {
        var headers = HTTPHeaders([
            ("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache"), ("X-Accel-Buffering", "no"),
        ])
        headers.add(contentsOf: extra)
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: version, status: .ok, headers: headers)
        return state.withLock { state in
            guard !state.closed, state.phase == .waiting else { return false }
            state.phase = .streaming
            channel.eventLoop.execute { [channel] in
                channel.writeAndFlush(HTTPServerResponsePart.head(head), promise: nil)
            }
            return true
        }
    }

    /// Sends one event (already framed by `SSEEvent`) on the stream.
    func send(_ event: Data) {
        let buffer = channel.allocator.buffer(bytes: event)
        state.withLock { state in
            guard !state.closed, state.phase == .streaming else { return }
            channel.eventLoop.execute { [channel] in
                channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
            }
        }
    }

    /// Ends the stream, after a last event when there is one (a request's response).
    func finish(with event: Data? = nil) {
        let buffer = event.map { channel.allocator.buffer(bytes: $0) }
        let keepAlive = self.keepAlive
        state.withLock { state in
            guard !state.closed, state.phase == .streaming else { return }
            state.phase = .finished
            state.onClose = []
            channel.eventLoop.execute { [channel] in
                if let buffer { channel.write(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil) }
                channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
                    if !keepAlive { channel.close(promise: nil) }
                }
            }
        }
    }

    /// The connection closed (the handler calls this): an unfinished answer is abandoned.
    func connectionClosed() {
        let handlers = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.closed else { return [] }
            state.closed = true
            defer { state.onClose = [] }
            return state.phase == .finished ? [] : state.onClose
        }
        for handler in handlers { handler() }
    }
}
