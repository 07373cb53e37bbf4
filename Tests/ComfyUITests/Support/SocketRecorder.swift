import ComfyUI
import ComfyUIStandIn
import Foundation
import Testing

/// Connects a WebSocket to a stand-in and records everything it receives, so a test can wait for events.
actor SocketRecorder {
    let connection: any WebSocketConnection
    private(set) var messages: [WebSocketMessage] = []
    private(set) var isFinished = false
    private var pump: Task<Void, Never>?

    private init(connection: any WebSocketConnection) {
        self.connection = connection
    }

    /// Opens `/ws?clientId=` (without a client id when nil), optionally sends `feature_flags` first, and waits for
    /// the greeting `status` so the server has registered the socket.
    static func connect(
        to standIn: ComfyUIStandIn,
        clientID: String?,
        featureFlags: Bool = false
    ) async throws -> SocketRecorder {
        let query = clientID.map { "?clientId=\($0)" } ?? ""
        let url = try #require(URL(string: standIn.webSocketURL.absoluteString + query))
        // Generous: the whole suite shares two cores, and only a server that never answers waits this long.
        let connection = try await NIOWebSocketConnector().connect(to: url, timeout: .seconds(30))
        let recorder = SocketRecorder(connection: connection)
        await recorder.start()
        if featureFlags {
            try await connection.send(text: #"{"type": "feature_flags", "data": {"supports_preview_metadata": true}}"#)
            try await recorder.waitFor("feature_flags answer") { $0.contains { $0["type"] == "feature_flags" } }
        } else {
            try await recorder.waitFor("greeting status") { !$0.isEmpty }
        }
        return recorder
    }

    private func start() {
        pump = Task { [connection] in
            for await message in connection.messages { self.append(message) }
            self.finish()
        }
    }

    private func append(_ message: WebSocketMessage) { messages.append(message) }
    private func finish() { isFinished = true }

    /// The text messages decoded as JSON.
    var events: [JSONValue] {
        messages.compactMap { message in
            guard case .text(let text) = message else { return nil }
            return try? JSONValue(parsing: Data(text.utf8))
        }
    }

    /// The binary frames.
    var binaries: [Data] {
        messages.compactMap { message in
            guard case .binary(let data) = message else { return nil }
            return data
        }
    }

    /// Waits until `condition` holds for the decoded events.
    func waitFor(
        _ what: String,
        timeout: Duration = .seconds(10),
        _ condition: ([JSONValue]) -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition(events) {
            guard ContinuousClock.now < deadline else { throw StandInTestError.timedOut(what) }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Waits for the legacy completion signal `executing` with `node: null` for `promptID`.
    func waitForCompletion(of promptID: String, timeout: Duration = .seconds(10)) async throws {
        try await waitFor("completion of \(promptID)", timeout: timeout) { events in
            events.contains {
                $0["type"] == "executing" && $0["data"]?["node"] == .null
                    && $0["data"]?["prompt_id"]?.stringValue == promptID
            }
        }
    }

    /// Waits until the socket has closed.
    func waitForClose(timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !isFinished {
            guard ContinuousClock.now < deadline else { throw StandInTestError.timedOut("socket close") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    func close() async {
        await connection.close()
        await pump?.value
    }
}

extension Array where Element == JSONValue {
    /// Events of one prompt (and the prompt-less `status` ones), without the chatty `progress_state`.
    func types(excluding excluded: Set<String> = ["progress_state"]) -> [String] {
        compactMap { $0["type"]?.stringValue }.filter { !excluded.contains($0) }
    }

    func ofType(_ type: String) -> [JSONValue] { filter { $0["type"]?.stringValue == type } }
}
