import ComfyUIStandIn
import Foundation
import TestSupport
import Testing

/// `dgx-pixels jobs cancel` against a job a live server runs and a job a stopped server left open, and
/// `on_shutdown: finish` in a real process.
@Suite("jobs cancel and on_shutdown: finish, across processes")
struct JobsCancelTests {
    private static func startBatch(_ session: StdioServerSession, prompts: [String]) async throws -> String {
        let started = try await session.call(
            "generate_batch",
            ["prompts": prompts, "size": 16, "generation_size": 64, "wait_seconds": 0]
        )
        let job = try #require((started["structuredContent"] as? [String: Any])?["job"] as? [String: Any])
        return try #require(job["job_id"] as? String)
    }

    private static func waitForRunningPrompt(_ standIn: ComfyUIStandIn) async throws -> String {
        try await offPool {
            let deadline = Date().addingTimeInterval(30)
            while standIn.runningPromptID == nil, Date() < deadline { usleep(10_000) }
        }
        return try #require(standIn.runningPromptID)
    }

    private static func journal(_ binary: BuiltBinary) throws -> [[String: Any]] {
        let text = try String(contentsOf: binary.home.appendingPathComponent("out/journal.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test("A job a stopped server left open is cancelled from the journal; its running prompt is interrupted")
    func cancelAbandoned() async throws {
        let standIn = try await ComfyUIStandIn.start(.init(defaultBehaviour: .hanging))
        defer { Task { await standIn.shutdown() } }
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let (config, environment) = try binary.comfyUIConfig(standIn)
        let session = try StdioServerSession(binary: binary.url.path, config: config, environment: environment)
        try await session.initialize()
        let jobID = try await Self.startBatch(session, prompts: ["a", "b", "c"])
        let running = try await Self.waitForRunningPrompt(standIn)
        #expect(try await session.close() == 0)  // on_shutdown: leave — the prompt keeps running, the job stays open
        #expect(standIn.runningPromptID == running)

        let result = try await binary.run(
            ["jobs", "cancel", jobID, "--config", config.path],
            extraEnvironment: ["DGX_PIXELS_WORKFLOWS": BuiltBinary.workflows]
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("cancelled job \(jobID): 0 of 3 made"), "\(result.stdout)")
        #expect(standIn.interruptRequests.contains(running))
        let closed = try Self.journal(binary).last {
            $0["event"] as? String == "closed" && $0["job"] as? String == jobID
        }
        #expect(closed?["status"] as? String == "cancelled")

        // Nothing is left for the next start to resume, and asking again says so.
        let again = try await binary.run(["jobs", "cancel", jobID, "--config", config.path])
        #expect(again.status == 0 && again.stdout.contains("already ended (cancelled)"), "\(again)")
    }

    @Test("A job a live server runs is cancelled by that server when asked from another process")
    func cancelThroughServer() async throws {
        let standIn = try await ComfyUIStandIn.start(.init(defaultBehaviour: .hanging))
        defer { Task { await standIn.shutdown() } }
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let (config, environment) = try binary.comfyUIConfig(standIn)
        let session = try StdioServerSession(binary: binary.url.path, config: config, environment: environment)
        try await session.initialize()
        let jobID = try await Self.startBatch(session, prompts: ["a", "b"])
        let running = try await Self.waitForRunningPrompt(standIn)

        let result = try await binary.run(["jobs", "cancel", jobID, "--config", config.path, "--wait", "20"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(standIn.interruptRequests.contains(running))
        let record = try await session.call("get_job", ["job_id": jobID])
        #expect((record["structuredContent"] as? [String: Any])?["status"] as? String == "cancelled")
        #expect(try await session.close() == 0)
    }

    @Test("An unknown job is an error naming it, exit 1")
    func unknownJob() async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let result = try await binary.run(["jobs", "cancel", "20990101-000000-abcdef"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("20990101-000000-abcdef"), "\(result.stderr)")
    }

    @Test("stdin EOF with on_shutdown: finish waits for the running batch, then exits 0 with every item made")
    func finishOnShutdown() async throws {
        let standIn = try await ComfyUIStandIn.start(
            .init(defaultBehaviour: Behaviour(steps: 2, stepDelay: .milliseconds(100)))
        )
        defer { Task { await standIn.shutdown() } }
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let (config, environment) = try binary.comfyUIConfig(standIn, extra: "generation:\n  on_shutdown: finish")
        let session = try StdioServerSession(binary: binary.url.path, config: config, environment: environment)
        try await session.initialize()
        let jobID = try await Self.startBatch(session, prompts: ["a", "b", "c"])
        _ = try await Self.waitForRunningPrompt(standIn)
        #expect(try await session.close() == 0)

        #expect(standIn.executedCount == 3)
        let entries = try Self.journal(binary).filter { $0["job"] as? String == jobID }
        #expect(entries.filter { $0["event"] as? String == "finished" }.count == 3)
        #expect(entries.last?["event"] as? String == "closed" && entries.last?["status"] as? String == "succeeded")
    }
}
