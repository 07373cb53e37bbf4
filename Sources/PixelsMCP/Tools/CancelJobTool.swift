import MCP
import SpriteEngine

/// `cancel_job`: stops what has not finished of a job and keeps what has.
enum CancelJobTool: MCPTool {
    static let name = "cancel_job"

    static func definition(for configuration: Configuration) -> Tool {
        Tool(
            name: name,
            description: """
                Cancel a running generate job by job_id: items not finished are stopped (their ComfyUI prompts \
                interrupted or dequeued) and marked cancelled; sprites already made are kept. Returns the job.
                """,
            inputSchema: JSONSchema.object(
                properties: [
                    "job_id": JSONSchema.string(
                        "The job id, e.g. '20261123-203512-a1b2c3'.",
                        pattern: "^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$"
                    )
                ],
                required: ["job_id"]
            ),
            annotations: .init(title: "Cancel job", destructiveHint: false, idempotentHint: true),
            outputSchema: SpriteResultSchema.job
        )
    }

    static func call(_ arguments: [String: Value], context: ToolContext) async throws -> CallTool.Result {
        let id = arguments["job_id"]?.stringValue ?? ""
        let before = try await context.engine.job(id)
        var record = before
        if !before.status.isFinished {
            await context.engine.cancel(id)
            // Cancellation is cooperative (ComfyUI stops at the next sampler step); wait for the job to settle.
            record = try await context.engine.wait(for: id, upTo: 30)
        }
        var summary =
            before.status.isFinished
            ? "Job \(record.id) had already finished (\(record.status.rawValue)); nothing to cancel."
            : "Job \(record.id): \(record.status.rawValue); \(record.succeeded) of \(record.total) made and kept."
        for item in record.items where item.status == .cancelled {
            summary += "\n  [\(item.index)] \(item.name): cancelled"
        }
        let links = record.items.compactMap(\.sprite).map { ($0.uri, $0.name + ".png", $0.prompt) }
        return try .success(summary: summary, structured: record, links: links)
    }
}
