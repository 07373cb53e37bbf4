import MCP
import Testing

@testable import PixelsMCP

@Suite("Log records reach the client as notifications/message")
struct ClientLogTests {
    @Test("After logging/setLevel info, the engine's job records arrive; below the level nothing does")
    func forwardsAtClientLevel() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let received = MessageLog()
        await harness.client.onNotification(LogMessageNotification.self) { message in
            await received.append(message.params)
        }
        _ = try await harness.call("generate_sprite", ["prompt": "gold coin", "size": 16])
        #expect(await received.entries.isEmpty, "info records must not reach a client at the default level (warning)")

        try await harness.client.setLoggingLevel(.info)
        _ = try await harness.call("generate_sprite", ["prompt": "gold coin", "size": 16])
        for _ in 0..<200 where await received.entries.count < 2 {
            try await Task.sleep(for: .milliseconds(10))  // notifications are delivered asynchronously
        }
        let entries = await received.entries
        #expect(entries.contains { $0.data.objectValue?["message"] == "job started" && $0.level == .info })
        #expect(entries.allSatisfy { $0.logger == "dgx-pixels.engine" })
    }
}

/// Collects log notifications.
actor MessageLog {
    var entries: [LogMessageNotification.Parameters] = []

    func append(_ entry: LogMessageNotification.Parameters) {
        entries.append(entry)
    }
}
