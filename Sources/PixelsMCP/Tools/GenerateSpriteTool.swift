import BevyAssets
import Foundation
import MCP
import SpriteEngine

/// `generate_sprite`: one sprite from a prompt, optionally deployed into a Bevy project in the same call.
enum GenerateSpriteTool: MCPTool {
    static let name = "generate_sprite"

    static func definition(for configuration: Configuration) -> Tool {
        var properties = SpriteOptionsSchema.properties(for: configuration)
        properties["deploy_to"] = JSONSchema.string(
            "Root of a Bevy project to deploy the sprite into once made (assets/sprites/<category>/<name>.png).",
            minLength: 1
        )
        properties["wait_seconds"] = JSONSchema.number(
            "How long to wait before answering status 'running' with the job id (then use get_job). "
                + "Default \(Int(configuration.generation.waitSeconds)).",
            minimum: 0,
            maximum: 3600
        )
        properties["return_image"] = JSONSchema.boolean(
            "Include a small upscaled PNG preview in the result.",
            defaultValue: true
        )
        return Tool(
            name: name,
            description: """
                Generate one pixel-art game sprite from a text prompt. Writes a validated PNG (transparent \
                background, palette-limited, binary alpha) and returns its path, a sprite:// link, a preview, \
                the seed used and a validation report. Give deploy_to to also place it in a Bevy project.
                """,
            inputSchema: JSONSchema.object(properties: properties, required: ["prompt"]),
            annotations: .init(
                title: "Generate sprite",
                readOnlyHint: false,
                destructiveHint: false,
                idempotentHint: false,
                openWorldHint: false
            ),
            outputSchema: JSONSchema.object(
                properties: [
                    "job_id": JSONSchema.typed("string"),
                    "status": JSONSchema.string(
                        "succeeded, failed, or running (call get_job with job_id later).",
                        choices: ["running", "succeeded", "failed", "cancelled"]
                    ),
                    "sprite": SpriteResultSchema.sprite,
                    "error": JSONSchema.typed("string"),
                    "deployment": DeployToBevyTool.reportSchema,
                ],
                required: ["job_id", "status"]
            )
        )
    }

    static func call(_ arguments: [String: Value], context: ToolContext) async throws -> CallTool.Result {
        let request = try SpriteOptionsSchema.draft(from: arguments).resolve(with: context.configuration)
        let record = try await GenerationCall.run([request], kind: "sprite", arguments: arguments, context: context)
        var output = Output(jobID: record.id, status: record.status.rawValue)
        guard let item = record.items.first, record.status.isFinished else {
            return try GenerationCall.stillRunning(record, structured: output)
        }
        guard let sprite = item.sprite else {
            output.error = item.error ?? "the sprite was not made"
            return .failure("Could not generate '\(request.name)': \(output.error ?? "")", structured: output)
        }
        output.sprite = sprite
        var summary = """
            Generated \(sprite.width)×\(sprite.height) sprite '\(sprite.name)' (\(sprite.colorsUsed) colours, \
            seed \(sprite.seed), engine \(sprite.engine)) at \(sprite.path)
            """
        if let deployed = GenerationCall.deployment(of: record) {
            output.deployment = deployed.report
            if let error = deployed.error {
                output.error = error
                return .failure("\(summary)\nbut deploying it failed: \(error)", structured: output)
            }
            summary += deployed.line
        }
        let previews = Preview.of(sprite, arguments: arguments, configuration: context.configuration)
        return try .success(
            summary: summary,
            structured: output,
            previews: previews,
            links: [(sprite.uri, sprite.name + ".png", "The generated sprite PNG")]
        )
    }

    /// The structured result.
    struct Output: Encodable {
        var jobID: String
        var status: String
        var sprite: SpriteResult?
        var error: String?
        var deployment: DeployReport?

        enum CodingKeys: String, CodingKey {
            case jobID = "job_id"
            case status, sprite, error, deployment
        }
    }
}
