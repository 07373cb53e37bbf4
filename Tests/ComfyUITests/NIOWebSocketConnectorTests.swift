import ComfyUI
import ComfyUIStandIn
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

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
            _ = try await NIOWebSocketConnector().connect(to: url, timeout: .seconds(30))
        }
        // Refused at once, not after the timeout (the bound leaves room for a loaded machine running the suite).
        #expect(ContinuousClock.now - start < .seconds(10))
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
                // Generous: only a broken answer waits this long, and a starved test pool must not pass for one.
                _ = try await NIOWebSocketConnector().connect(to: url, timeout: .seconds(30))
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

    @Test("Fragmented binary messages are reassembled intact")
    func reassemblesContinuationFrames() async throws {
        try await withStandIn(.init(binaryFragmentSize: 7_000)) { standIn in
            standIn.enqueue(Behaviour(steps: 1, sendPreviews: true))
            let http = StandInHTTP(standIn)
            let socket = try await SocketRecorder.connect(to: standIn, clientID: "fragments")
            let id = try await http.submit(workflow(), clientID: "fragments")
            try await socket.waitForCompletion(of: id)
            let frame = try #require(await socket.binaries.first)
            #expect(frame.count == 8 + 50_000)
            #expect(Array(frame.prefix(12)) == [0, 0, 0, 1, 0, 0, 0, 1, 0xFF, 0xD8, 0xFF, 0xE0])
            #expect(Array(frame.suffix(2)) == [0xFF, 0xD9])
            await socket.close()
        }
    }

    @Test("An upgrade the server never answers times out with WebSocketError.timedOut")
    func silentServerTimesOut() async throws {
        // A listening socket nobody accepts from: the kernel completes TCP, the HTTP upgrade gets no answer.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, size) }
        }
        try #require(bound == 0 && listen(listener, 4) == 0)
        var length = size
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let url = try #require(URL(string: "ws://127.0.0.1:\(port)/ws"))
        let start = ContinuousClock.now
        await #expect(throws: WebSocketError.timedOut) {
            _ = try await NIOWebSocketConnector().connect(to: url, timeout: .milliseconds(300))
        }
        // Far below "forever", with room for a loaded 2-core machine running the whole suite.
        #expect(ContinuousClock.now - start < .seconds(60))
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
