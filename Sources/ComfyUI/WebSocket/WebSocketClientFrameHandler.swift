import Foundation
import NIOCore
import NIOWebSocket

/// The client end of a WebSocket after the upgrade.
///
/// Turns frames into `WebSocketMessage`s, reassembling fragmented messages, answers pings, and runs the closing
/// handshake. Lives on the channel's event loop.
final class WebSocketClientFrameHandler: ChannelDuplexHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    /// Asks the handler, as an outbound user event, to send a close frame and close the connection.
    struct CloseRequest: Sendable {}

    private let continuation: AsyncStream<WebSocketMessage>.Continuation
    private let maxMessageSize: Int
    /// The opcode and bytes of a fragmented message being reassembled.
    private var fragments: (opcode: WebSocketOpcode, data: ByteBuffer)?
    private var closeSent = false

    init(continuation: AsyncStream<WebSocketMessage>.Continuation, maxMessageSize: Int) {
        self.continuation = continuation
        self.maxMessageSize = maxMessageSize
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text, .binary:
            guard fragments == nil else { return failProtocol(context: context, code: .protocolError) }
            if frame.fin {
                deliver(opcode: frame.opcode, data: frame.unmaskedData)
            } else {
                fragments = (frame.opcode, frame.unmaskedData)
            }
        case .continuation:
            guard var pending = fragments else { return failProtocol(context: context, code: .protocolError) }
            var piece = frame.unmaskedData
            guard pending.data.readableBytes + piece.readableBytes <= maxMessageSize else {
                return failProtocol(context: context, code: .messageTooLarge)
            }
            pending.data.writeBuffer(&piece)
            if frame.fin {
                fragments = nil
                deliver(opcode: pending.opcode, data: pending.data)
            } else {
                fragments = pending
            }
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            // Echo the status code (first two bytes) as the closing handshake asks, then drop the connection.
            var payload = frame.unmaskedData
            let code =
                payload.readSlice(length: min(2, payload.readableBytes))
                ?? context.channel.allocator.buffer(
                    capacity: 0
                )
            sendClose(context: context, payload: code)
        default:
            break
        }
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is CloseRequest else {
            return context.triggerUserOutboundEvent(event, promise: promise)
        }
        var code = context.channel.allocator.buffer(capacity: 2)
        code.write(webSocketErrorCode: .normalClosure)
        sendClose(context: context, payload: code)
        promise?.succeed(())
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        continuation.finish()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Decoder errors (oversized frame, bad opcode) and I/O errors end the connection; `messages` then finishes.
        context.close(promise: nil)
    }

    private func deliver(opcode: WebSocketOpcode, data: ByteBuffer) {
        if opcode == .text {
            continuation.yield(.text(String(buffer: data)))
        } else {
            continuation.yield(.binary(Data(data.readableBytesView)))
        }
    }

    private func sendClose(context: ChannelHandlerContext, payload: ByteBuffer) {
        guard !closeSent else { return }
        closeSent = true
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: payload)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(frame)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    private func failProtocol(context: ChannelHandlerContext, code: WebSocketErrorCode) {
        var payload = context.channel.allocator.buffer(capacity: 2)
        payload.write(webSocketErrorCode: code)
        sendClose(context: context, payload: payload)
    }
}
