import NIOCore
import NIOWebSocket

/// A WebSocket opened by `NIOWebSocketConnector`: frames go through the channel's pipeline, whose
/// `WebSocketClientFrameHandler` feeds `messages`.
final class NIOWebSocketConnection: WebSocketConnection {
    let messages: AsyncStream<WebSocketMessage>
    private let channel: any Channel

    init(messages: AsyncStream<WebSocketMessage>, channel: any Channel) {
        self.messages = messages
        self.channel = channel
    }

    func send(text: String) async throws {
        let frame = WebSocketFrame(
            fin: true,
            opcode: .text,
            maskKey: .random(),
            data: channel.allocator.buffer(string: text)
        )
        do {
            try await channel.writeAndFlush(frame)
        } catch {
            throw WebSocketError.closed
        }
    }

    func close() async {
        // The handler sends the close frame once, then closes the connection; later calls find it closed.
        channel.triggerUserOutboundEvent(WebSocketClientFrameHandler.CloseRequest(), promise: nil)
        try? await channel.closeFuture.get()
    }
}
