import Foundation
import NIOCore
import NIOWebSocket

/// The server end of one `/ws?clientId=` socket: greets with `status` + `sid`, answers a leading `feature_flags`,
/// pongs pings, ignores anything else the client says, and unregisters when the socket goes away.
final class WebSocketServerHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let core: StandInCore
    private let clientID: String
    private var sawFirstMessage = false

    init(core: StandInCore, clientID: String) {
        self.core = core
        self.clientID = clientID
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        let (remaining, reconnectNode) = core.withState { state in
            state.sockets[clientID] = StandInState.Socket(channel: channel)
            let node = state.running?.clientID == clientID ? state.runningNode : nil
            return (state.queueRemaining, node)
        }
        core.send(
            "status",
            ["status": ["exec_info": ["queue_remaining": .int(remaining)]], "sid": .string(clientID)],
            to: clientID
        )
        // ComfyUI tells a client that reconnects mid-run which node is executing (without a prompt_id).
        if let reconnectNode { core.send("executing", ["node": .string(reconnectNode)], to: clientID) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            let first = !sawFirstMessage
            sawFirstMessage = true
            guard first, let json = try? StandInJSON(parsing: Data(frame.unmaskedData.readableBytesView)),
                json["type"]?.stringValue == "feature_flags"
            else { return }
            let supportsMetadata = json["data"]?["supports_preview_metadata"]?.isTruthy ?? false
            core.withState { state in
                if state.sockets[clientID]?.channel === context.channel {
                    state.sockets[clientID]?.supportsPreviewMetadata = supportsMetadata
                }
            }
            core.send("feature_flags", StandInRoutes.features, to: clientID)
        case .binary, .continuation:
            sawFirstMessage = true
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            var code = frame.unmaskedData
            let echo =
                code.readSlice(length: min(2, code.readableBytes)) ?? context.channel.allocator.buffer(capacity: 0)
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: echo)))
                .whenComplete { _ in channel.close(promise: nil) }
        default:
            break
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        let channel = context.channel
        core.withState { state in
            if state.sockets[clientID]?.channel === channel { state.sockets[clientID] = nil }
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
