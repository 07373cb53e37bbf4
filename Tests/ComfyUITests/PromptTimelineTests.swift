import ComfyUI
import ComfyUIStandIn
import Foundation
import Logging
import TestSupport
import Testing

@Suite("Prompt deadlines on an injected clock")
struct PromptTimelineTests {
    @Test("A prompt past comfyui.prompt_timeout is interrupted and fails, without waiting 30 minutes")
    func promptTimeout() async throws {
        let standIn = try await ComfyUIStandIn.start(.init(defaultBehaviour: .hanging))
        defer { Task { await standIn.shutdown() } }
        var options = ComfyUIClient.Options.fast
        options.promptTimeout = .seconds(1800)
        let timeline = ManualTimeline()
        let client = ComfyUIClient(
            baseURL: standIn.url,
            options: options,
            connector: NIOWebSocketConnector(),
            timeline: timeline,
            logger: Logger(label: "test.comfyui")
        )
        let run = Task { try await client.run(TestGraphs.sd15()) }
        let deadline = ContinuousClock.now + .seconds(60)
        while standIn.runningPromptID == nil || timeline.sleeperCount == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        let running = try #require(standIn.runningPromptID)
        timeline.advance(by: .seconds(1801))
        await #expect {
            _ = try await run.value
        } throws: { error in
            guard case .timedOut = error as? ComfyUIError else { return false }
            return "\(error)".contains("1800")
        }
        #expect(standIn.interruptRequests.contains(running))
    }
}
