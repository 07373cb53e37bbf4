import Foundation
import NIOCore
import NIOWebSocket
import Synchronization

/// The stand-in's shared state and its WebSocket fan-out; used by the HTTP handlers, the socket handlers and the
/// worker, from any thread.
final class StandInCore: Sendable {
    let state: Mutex<StandInState>
    let previewSize: Int
    let binaryFragmentSize: Int?
    /// Wakes the worker when a prompt is queued.
    let wakeUp: AsyncStream<Void>.Continuation
    let wakeUps: AsyncStream<Void>

    init(setup: ComfyUIStandIn.Setup) {
        state = Mutex(StandInState(setup: setup))
        previewSize = setup.previewSize
        binaryFragmentSize = setup.binaryFragmentSize
        (wakeUps, wakeUp) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func withState<Result>(_ body: (inout StandInState) throws -> Result) rethrows -> Result {
        try state.withLock { try body(&$0) }
    }

    // MARK: WebSocket messages

    /// Sends `{"type": type, "data": data}` to one client's socket, or to every socket when `clientID` is nil.
    ///
    /// This is ComfyUI's `send_sync` (nil is its `sid=None`). A client without a socket misses it, as in ComfyUI.
    func send(_ type: String, _ data: StandInJSON, to clientID: String?) {
        let text = StandInJSON.object(Self.message(type, data)).text
        for channel in channels(for: clientID) {
            let frame = WebSocketFrame(fin: true, opcode: .text, data: channel.allocator.buffer(string: text))
            channel.writeAndFlush(frame, promise: nil)
        }
    }

    /// `status` with the queue length, to every socket.
    func broadcastStatus() {
        let remaining = withState { $0.queueRemaining }
        send("status", ["status": ["exec_info": ["queue_remaining": .int(remaining)]]], to: nil)
    }

    /// Sends a binary frame built per socket (previews depend on the socket's `feature_flags`).
    func sendBinary(to clientID: String?, _ build: (_ supportsMetadata: Bool) -> [UInt8]) {
        let targets: [StandInState.Socket] = withState { state in
            if let clientID { return state.sockets[clientID].map { [$0] } ?? [] }
            return Array(state.sockets.values)
        }
        for socket in targets {
            let bytes = build(socket.supportsPreviewMetadata)
            let pieceSize = binaryFragmentSize ?? max(1, bytes.count)
            var start = 0
            repeat {
                let end = min(bytes.count, start + pieceSize)
                let frame = WebSocketFrame(
                    fin: end == bytes.count,
                    opcode: start == 0 ? .binary : .continuation,
                    data: socket.channel.allocator.buffer(bytes: bytes[start..<end])
                )
                socket.channel.writeAndFlush(frame, promise: nil)
                start = end
            } while start < bytes.count
        }
    }

    /// Whether the client's socket asked for previews with metadata.
    func supportsPreviewMetadata(_ clientID: String?) -> Bool {
        guard let clientID else { return false }
        return withState { $0.sockets[clientID]?.supportsPreviewMetadata ?? false }
    }

    /// Closes one client's socket at once, as a network drop would.
    func dropSocket(of clientID: String?) {
        guard let clientID, let socket = withState({ $0.sockets[clientID] }) else { return }
        socket.channel.close(mode: .all, promise: nil)
    }

    private func channels(for clientID: String?) -> [any Channel] {
        withState { state in
            if let clientID { return state.sockets[clientID].map { [$0.channel] } ?? [] }
            return state.sockets.values.map(\.channel)
        }
    }

    static func message(_ type: String, _ data: StandInJSON) -> JSONObject {
        var object = JSONObject()
        object["type"] = .string(type)
        object["data"] = data
        return object
    }

    /// Milliseconds since 1970, ComfyUI's event timestamp.
    static var timestamp: StandInJSON { .int(Int64(Date().timeIntervalSince1970 * 1000)) }
}
