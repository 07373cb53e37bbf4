import Foundation
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// Reads HTTP/1.1 requests and answers them through `StandInRoutes`.
///
/// Scripted faults and delays apply first; the connection stays alive as the client asks. Lives on its channel's event loop.
final class HTTPRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let core: StandInCore
    private var head: HTTPRequestHead?
    private var body = Data()

    init(core: StandInCore) {
        self.core = core
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.removeAll(keepingCapacity: true)
        case .body(let chunk):
            body.append(contentsOf: chunk.readableBytesView)
        case .end:
            guard let head else { return }
            self.head = nil
            handle(HTTPRequest(head: head, body: body), head: head, context: context)
        }
    }

    private func handle(_ request: HTTPRequest, head: HTTPRequestHead, context: ChannelHandlerContext) {
        let method = request.method.rawValue
        let (fault, delay) = core.withState { state in
            state.requestCounts[request.path, default: 0] += 1
            let delay = state.delays.last { path(request.path, matches: $0.path) }?.delay
            return (state.takeFault(path: request.path, method: method), delay)
        }
        // The work happens now; only the answer waits for the delay (a client that gives up early still caused it).
        let response = fault.map { HTTPResponse.error($0) } ?? StandInRoutes(core: core).respond(to: request)
        guard let delay, delay > .zero else {
            return write(response, for: head, context: context)
        }
        // Hold the channel strongly: the context is only touched while the channel is still open.
        let channel = context.channel
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: TimeAmount(delay)) {
            guard channel.isActive else { return }
            let (handler, context) = loopBound.value
            handler.write(response, for: head, context: context)
        }
    }

    private func write(_ response: HTTPResponse, for request: HTTPRequestHead, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        headers.add(name: "Content-Length", value: String(response.body.count))
        headers.add(name: "Server", value: "Python/3.11 aiohttp/3.14.5")
        let keepAlive = request.isKeepAlive
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: request.version, status: response.status, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if request.method != .HEAD, !response.body.isEmpty {
            context.write(
                wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))),
                promise: nil
            )
        }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A declined WebSocket upgrade (not `/ws`) is reported as an error, then the request comes here as plain
        // HTTP and gets its 404; anything else ends the connection.
        if error is NIOWebSocketUpgradeError { return }
        context.close(promise: nil)
    }
}
