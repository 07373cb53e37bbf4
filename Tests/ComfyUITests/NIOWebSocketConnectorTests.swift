import ComfyUI
import ComfyUIStandIn
import Foundation
import Testing

/// The NIO WebSocket client against the stand-in: handshake, failures, close.
@Suite("NIOWebSocketConnector")
struct NIOWebSocketConnectorTests {
    @Test("Connecting to a closed port fails fast with a clear connectFailed error")
    func closedPortFailsFast() async throws {
        let standIn = try await ComfyUIStandIn.start()
        let port = standIn.port
        await standIn.shutdown()
        let url = try #require(URL(string: "ws://127.0.0.1:\(port)/ws"))
        let start = ContinuousClock.now
        let error = await #expect(throws: WebSocketError.self) {
            _ = try await NIOWebSocketConnector().connect(to: url, timeout: .seconds(5))
        }
        #expect(ContinuousClock.now - start < .seconds(2))
        guard case .connectFailed(let reason)? = error else {
            Issue.record("expected connectFailed, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("connection refused"))
    }

    @Test("A refused upgrade (HTTP 404) is a handshakeFailed error that names the status")
    func refusedUpgrade() async throws {
        try await withStandIn { standIn in
            let url = try #require(URL(string: "ws://127.0.0.1:\(standIn.port)/not-a-socket"))
            let error = await #expect(throws: WebSocketError.self) {
                _ = try await NIOWebSocketConnector().connect(to: url, timeout: .seconds(5))
            }
            guard case .handshakeFailed(let reason)? = error else {
                Issue.record("expected handshakeFailed, got \(String(describing: error))")
                return
            }
            #expect(reason.contains("404"), "\(reason)")
        }
    }

    @Test("Only ws:// URLs are accepted")
    func unsupportedScheme() async throws {
        let url = try #require(URL(string: "wss://example.invalid/ws"))
        await #expect(throws: WebSocketError.unsupportedURL("wss://example.invalid/ws")) {
            _ = try await NIOWebSocketConnector().connect(to: url, timeout: .seconds(1))
        }
    }

    @Test("A socket without clientId gets a fresh sid; close() is idempotent and ends the stream")
    func freshSidAndIdempotentClose() async throws {
        try await withStandIn { standIn in
            let socket = try await SocketRecorder.connect(to: standIn, clientID: nil)
            let sid = try #require(await socket.events.first?["data"]?["sid"]?.stringValue)
            #expect(!sid.isEmpty)
            #expect(standIn.connectedSocketCount == 1)
            await socket.close()
            await socket.connection.close()
            #expect(await socket.isFinished)
            await #expect(throws: WebSocketError.closed) { try await socket.connection.send(text: "{}") }
        }
    }

    @Test("dropAllSockets closes every client's stream")
    func dropAllSockets() async throws {
        try await withStandIn { standIn in
            let first = try await SocketRecorder.connect(to: standIn, clientID: "one")
            let second = try await SocketRecorder.connect(to: standIn, clientID: "two")
            standIn.dropAllSockets()
            try await first.waitForClose()
            try await second.waitForClose()
        }
    }
}
