import ComfyUIStandIn
import Foundation
import TestSupport
import Testing

/// `tools/call` over real stdio: progress notifications while it runs, and `notifications/cancelled` as the MCP spec
/// has it (the request is stopped and gets no response).
@Suite("tools/call over real stdio: progress and cancellation")
struct StdioCancellationTests {
    @Test("A cancelled call sends progress first, then no response; its prompt is interrupted and the server goes on")
    func cancelMidCall() async throws {
        let standIn = try await ComfyUIStandIn.start(.init(defaultBehaviour: .hanging))
        defer { Task { await standIn.shutdown() } }
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let (config, environment) = try binary.comfyUIConfig(standIn)
        let session = try StdioServerSession(binary: binary.url.path, config: config, environment: environment)
        try await session.initialize()

        try session.send([
            "jsonrpc": "2.0", "id": 50, "method": "tools/call",
            "params": [
                "name": "generate_sprite",
                "arguments": ["prompt": "slow knight", "size": 16, "generation_size": 64, "wait_seconds": 30],
                "_meta": ["progressToken": "knight"],
            ] as [String: Any],
        ])
        let before = try await session.messages { object in
            let params = object["params"] as? [String: Any]
            return object["method"] as? String == "notifications/progress"
                && params?["progressToken"] as? String == "knight"
        }
        #expect(!before.isEmpty)
        try await offPool {
            let deadline = Date().addingTimeInterval(30)
            while standIn.runningPromptID == nil, Date() < deadline { usleep(10_000) }
        }
        let running = try #require(standIn.runningPromptID)

        try session.send([
            "jsonrpc": "2.0", "method": "notifications/cancelled",
            "params": ["requestId": 50, "reason": "user pressed stop"] as [String: Any],
        ])
        try await offPool {
            let deadline = Date().addingTimeInterval(30)
            while !standIn.interruptRequests.contains(running), Date() < deadline { usleep(10_000) }
        }
        #expect(
            standIn.interruptRequests.contains(running),
            "interrupts \(standIn.interruptRequests), deletes \(standIn.deleteRequests)"
        )

        // The server answers what comes next, and never answers the cancelled request.
        try session.send(["jsonrpc": "2.0", "id": 51, "method": "ping"])
        let after = try await session.messages { $0["id"] as? Int == 51 }
        let answeredCancelled = (before + after).contains { line in
            let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any]
            return object?["id"] as? Int == 50
        }
        #expect(!answeredCancelled)
        #expect(try await session.close() == 0)
    }
}
