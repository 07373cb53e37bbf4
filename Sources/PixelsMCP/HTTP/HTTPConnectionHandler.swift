import Foundation
import MCP
import NIOCore
import NIOHTTP1

/// Reads HTTP/1.1 requests off one connection and hands each whole request to the router.
///
/// A body over the cap is refused before it is read. Each request gets a responder for its answer. Lives on its
/// channel's event loop.
///
/// NIO's pipelining handler (in front of this one) holds the next request back until the current answer has ended,
/// so there is at most one responder per connection: the one told when the client goes away.
final class HTTPConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let router: HTTPRouter
    private let maxBodyBytes: Int
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()
    /// Set when the current request was refused before its body was read; its remaining parts are dropped.
    private var refused = false
    private var responder: HTTPResponder?

    init(router: HTTPRouter, maxBodyBytes: Int) {
        self.router = router
        self.maxBodyBytes = maxBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
            refused = false
            responder = HTTPResponder(channel: context.channel, version: head.version, keepAlive: head.isKeepAlive)
            if let length = head.headers.first(name: "Content-Length").flatMap(Int.init), length > maxBodyBytes {
                refuseBody(context: context, declared: length)
            } else if head.headers.first(name: "Expect")?.lowercased() == "100-continue" {
                // curl asks before sending a body over 1 KiB: say yes at once instead of letting it wait a second.
                let proceed = HTTPResponseHead(version: head.version, status: .continue)
                context.writeAndFlush(wrapOutboundOut(.head(proceed)), promise: nil)
            }
        case .body(var chunk):
            guard !refused else { return }
            guard body.readableBytes + chunk.readableBytes <= maxBodyBytes else {
                return refuseBody(context: context, declared: nil)
            }
            body.writeBuffer(&chunk)
        case .end:
            guard !refused, let head, let responder else { return }
            self.head = nil
            let request = HTTPRequest(
                method: head.method.rawValue,
                headers: Self.headers(head.headers),
                body: body.readableBytes > 0 ? Data(body.readableBytesView) : nil,
                path: String(head.uri.prefix { $0 != "?" })
            )
            router.handle(request, responder: responder)
        }
    }

    /// Answers 413 at once and closes the connection: the rest of the body is never read, and since it would be
    /// taken for the next request, the connection cannot be kept.
    private func refuseBody(context: ChannelHandlerContext, declared: Int?) {
        refused = true
        guard let head else { return }
        let responder = HTTPResponder(channel: context.channel, version: head.version, keepAlive: false)
        self.responder = responder
        let size = declared.map { "\($0) bytes" } ?? "over \(maxBodyBytes) bytes"
        responder.reply(
            .error(
                .payloadTooLarge,
                .invalidRequest(
                    "the request body is \(size), over the \(maxBodyBytes)-byte limit (http.max_body_bytes)"
                )
            )
        )
    }

    func channelInactive(context: ChannelHandlerContext) {
        responder?.connectionClosed()
        responder = nil
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // An idle keep-alive connection is closed; one carrying an open stream is left alone.
        if event is IdleStateHandler.IdleStateEvent, !(responder?.isOpen ?? false) {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// The headers as the SDK's request type holds them; repeated fields are joined with ", " (RFC 9110 §5.3).
    private static func headers(_ headers: HTTPHeaders) -> [String: String] {
        var joined: [String: String] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            joined[key] = joined[key].map { "\($0), \(value)" } ?? value
        }
        return joined
    }
}
