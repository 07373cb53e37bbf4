import ComfyUIStandIn
import Foundation
import Logging
import MCP
import SpriteEngine
import Testing

@testable import PixelsMCP

/// The MCP tools with the ComfyUI engine behind them, against the stand-in.
@Suite("Tools over ComfyUI")
struct ComfyUIToolTests {
    static let workflows = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../workflows")
        .standardizedFileURL

    static func harness(_ standIn: ComfyUIStandIn) async throws -> MCPHarness {
        try await MCPHarness.start(
            configure: { configuration in
                configuration.engine = .comfyui
                configuration.comfyUI.backends = [
                    .init(url: Configuration.normalizedBackendURL(standIn.url.absoluteString) ?? "")
                ]
                configuration.comfyUI.workflow = "sd15-pixel-art"
                configuration.comfyUI.pollInterval = 0.05
            },
            generator: { configuration in
                GeneratorFactory.make(
                    configuration,
                    logger: Logger(label: "test.comfyui"),
                    workflowDirectories: [workflows]
                )
            }
        )
    }

    @Test("generate_sprite reports queue, sampler steps and post-processing as progress, and names the backend")
    func progressAndResult() async throws {
        let standIn = try await ComfyUIStandIn.start(.init(defaultBehaviour: Behaviour(steps: 5)))
        defer { Task { await standIn.shutdown() } }
        let harness = try await Self.harness(standIn)
        defer { Task { await harness.stop() } }
        let messages = ProgressMessageLog()
        await harness.client.onNotification(ProgressNotification.self) { message in
            await messages.append(message.params.message ?? "", message.params.progress)
        }
        var meta = Metadata()
        meta.progressToken = .string("comfy")
        let context: RequestContext<CallTool.Result> = try await harness.client.callTool(
            name: "generate_sprite",
            arguments: ["prompt": "fire mage", "size": 32, "seed": 3, "generation_size": 128],
            meta: meta
        )
        let result = try await context.value
        #expect(result.isError != true, "\(result.text)")
        let sprite = try #require(result.structuredContent?.objectValue?["sprite"]?.objectValue)
        #expect(sprite["engine"]?.stringValue == "comfyui")
        #expect(sprite["backend"]?.stringValue?.hasPrefix("http://127.0.0.1:") == true)
        #expect(sprite["prompt_id"]?.stringValue != nil)
        let deadline = ContinuousClock.now + .seconds(60)
        while await !messages.texts.contains(where: { $0.hasPrefix("saved") }), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))  // notifications may be delivered just after the result
        }
        let texts = await messages.texts
        for step in 1...5 { #expect(texts.contains("step \(step)/5"), "\(texts)") }
        #expect(texts.contains("post-processing"))
        let values = await messages.values
        #expect(values == values.sorted())
    }

    @Test("Cancelling the MCP request interrupts the running ComfyUI prompt")
    func cancellationInterrupts() async throws {
        let standIn = try await ComfyUIStandIn.start(.init(defaultBehaviour: .hanging))
        defer { Task { await standIn.shutdown() } }
        let harness = try await Self.harness(standIn)
        defer { Task { await harness.stop() } }
        let context: RequestContext<CallTool.Result> = try await harness.client.callTool(
            name: "generate_sprite",
            arguments: ["prompt": "slow dragon", "generation_size": 128]
        )
        while standIn.runningPromptID == nil { try await Task.sleep(for: .milliseconds(10)) }
        let running = try #require(standIn.runningPromptID)
        try await harness.client.cancelRequest(context.requestID, reason: "user gave up")
        let deadline = ContinuousClock.now + .seconds(10)
        while !standIn.interruptRequests.contains(running), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(standIn.interruptRequests.contains(running))
    }

    @Test("Past wait_seconds the call answers status running with the job id, and get_job follows it to the end")
    func waitSecondsThenGetJob() async throws {
        let standIn = try await ComfyUIStandIn.start(
            .init(defaultBehaviour: Behaviour(steps: 10, stepDelay: .milliseconds(80)))
        )
        defer { Task { await standIn.shutdown() } }
        let harness = try await Self.harness(standIn)
        defer { Task { await harness.stop() } }
        let first = try await harness.call(
            "generate_sprite",
            ["prompt": "big castle", "wait_seconds": 0.2, "generation_size": 128]
        )
        #expect(first.isError != true, "\(first.text)")
        let job = try #require(first.structuredContent?.objectValue)
        #expect(job["status"]?.stringValue == "running")
        let id = try #require(job["job_id"]?.stringValue)
        let later = try await harness.call("get_job", ["job_id": .string(id), "wait_seconds": 10])
        #expect(later.structuredContent?.objectValue?["status"]?.stringValue == "succeeded", "\(later.text)")
        #expect(standIn.interruptRequests.isEmpty)
    }

    @Test("A workflow problem is an isError result naming what is missing")
    func missingModel() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let harness = try await Self.harness(standIn)
        defer { Task { await harness.stop() } }
        let result = try await harness.call(
            "generate_sprite",
            ["prompt": "owl", "workflow": "sdxl-turbo-fast", "generation_size": 128]
        )
        #expect(result.isError == true)
        #expect(
            result.text.contains("checkpoint 'sd_xl_turbo_1.0_fp16.safetensors' is not installed"),
            "\(result.text)"
        )
    }
}

/// Collects progress messages and values.
actor ProgressMessageLog {
    var texts: [String] = []
    var values: [Double] = []

    func append(_ text: String, _ value: Double) {
        texts.append(text)
        values.append(value)
    }
}
