import MCP
import SpriteEngine

/// `get_job`: a job's status and per-item results, waiting for it if asked.
enum GetJobTool: MCPTool {
    static let name = "get_job"

    static func definition(for configuration: Configuration) -> Tool {
        Tool(
            name: name,
            description: """
                Get a generate job's status and results by job_id (returned by generate_sprite and generate_batch), \
                including jobs of earlier server runs. Give wait_seconds to wait for a running job to finish.
                """,
            inputSchema: JSONSchema.object(
                properties: [
                    "job_id": JSONSchema.string(
                        "The job id, e.g. '20261123-203512-a1b2c3'.",
                        pattern: "^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$"
                    ),
                    "wait_seconds": JSONSchema.number(
                        "Wait up to this long for a running job to finish. Default 0.",
                        minimum: 0,
                        maximum: 3600
                    ),
                ],
                required: ["job_id"]
            ),
            annotations: .init(title: "Get job", readOnlyHint: true),
            outputSchema: SpriteResultSchema.job
        )
    }

    static func call(_ arguments: [String: Value], context: ToolContext) async throws -> CallTool.Result {
        let id = arguments["job_id"]?.stringValue ?? ""
        let wait = SpriteOptionsSchema.number(arguments["wait_seconds"]) ?? 0
        let record = try await context.engine.wait(for: id, upTo: wait)
        var summary = "Job \(record.id) (\(record.kind)): \(record.status.rawValue), "
        summary += "\(record.succeeded) of \(record.total) made, \(record.failed) failed"
        for item in record.items {
            summary += "\n  [\(item.index)] \(item.name): \(item.status.rawValue)"
            if let path = item.sprite?.path { summary += " \(path)" }
            if let error = item.error { summary += ": \(error)" }
        }
        let links = record.items.compactMap(\.sprite).map { ($0.uri, $0.name + ".png", $0.prompt) }
        return try .success(summary: summary, structured: record, links: links)
    }
}
