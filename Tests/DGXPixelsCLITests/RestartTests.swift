import ComfyUIStandIn
import Foundation
import TestSupport
import Testing

/// A server killed with SIGKILL mid-batch and started again: nothing finished is lost, nothing is made twice.
@Suite("Restart after SIGKILL")
struct RestartTests {
    @Test("Items finished before the kill are kept, prompts in flight are collected, the rest are generated once")
    func killAndRestart() async throws {
        let standIn = try await ComfyUIStandIn.start(
            .init(defaultBehaviour: Behaviour(steps: 4, stepDelay: .milliseconds(100)))
        )
        defer { Task { await standIn.shutdown() } }
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let output = binary.home.appendingPathComponent("out")
        let (config, environment) = try binary.comfyUIConfig(standIn, extra: "generation:\n  concurrency: 4")

        let first = try StdioServerSession(binary: binary.url.path, config: config, environment: environment)
        try await first.initialize()
        let prompts = (1...6).map { "crate \($0)" }
        let started = try await first.call(
            "generate_batch",
            ["prompts": prompts, "size": 16, "generation_size": 64, "wait_seconds": 0]
        )
        let job = try #require((started["structuredContent"] as? [String: Any])?["job"] as? [String: Any])
        let jobID = try #require(job["job_id"] as? String)
        let journal = output.appendingPathComponent("journal.jsonl")
        try await offPool {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let text = (try? String(contentsOf: journal, encoding: .utf8)) ?? ""
                if text.components(separatedBy: "\"event\":\"finished\"").count - 1 >= 2 { return }
                usleep(20_000)
            }
        }
        first.kill()
        let finishedBeforeKill = try Self.finishedItems(in: journal)
        #expect(finishedBeforeKill.count >= 2 && finishedBeforeKill.count < 6)

        let second = try StdioServerSession(binary: binary.url.path, config: config, environment: environment)
        try await second.initialize()
        let result = try await second.call("get_job", ["job_id": jobID, "wait_seconds": 60])
        let record = try #require(result["structuredContent"] as? [String: Any])
        #expect(record["status"] as? String == "succeeded", "\(record)")
        #expect(record["succeeded"] as? Int == 6)
        try await second.close()

        // Each image was painted once, and each item finished once.
        #expect(standIn.executedCount == 6)
        let finished = try Self.finishedItems(in: journal)
        #expect(finished.sorted() == Array(0..<6))
    }

    @Test("stdin EOF mid-batch with on_shutdown: cancel exits 0, interrupts the running prompt, journals it closed")
    func eofCancels() async throws {
        let standIn = try await ComfyUIStandIn.start(.init(defaultBehaviour: .hanging))
        defer { Task { await standIn.shutdown() } }
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let (config, environment) = try binary.comfyUIConfig(standIn, extra: "generation:\n  on_shutdown: cancel")
        let session = try StdioServerSession(binary: binary.url.path, config: config, environment: environment)
        try await session.initialize()
        _ = try await session.call(
            "generate_batch",
            ["prompts": ["a", "b", "c"], "size": 16, "generation_size": 64, "wait_seconds": 0]
        )
        try await offPool {
            let deadline = Date().addingTimeInterval(30)
            while standIn.runningPromptID == nil, Date() < deadline { usleep(10_000) }
        }
        let running = try #require(standIn.runningPromptID)
        let exited = try await session.close()
        #expect(exited == 0)
        #expect(standIn.interruptRequests.contains(running))
        #expect(standIn.pendingPromptIDs.isEmpty && standIn.runningPromptID == nil)
        let journal = try String(
            contentsOf: binary.home.appendingPathComponent("out/journal.jsonl"),
            encoding: .utf8
        )
        let last = try #require(journal.split(separator: "\n").last)
        #expect(last.contains("\"event\":\"closed\"") && last.contains("\"status\":\"cancelled\""), "\(journal)")
    }

    /// The item indexes of the journal's `finished` entries, duplicates kept.
    static func finishedItems(in journal: URL) throws -> [Int] {
        let text = try String(contentsOf: journal, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                object["event"] as? String == "finished"
            else { return nil }
            return object["item"] as? Int
        }
    }
}
