import BevyAssets
import Foundation
import MCP
import SpriteEngine

/// `generate_batch`: many sprites in one job; each item succeeds or fails on its own.
enum GenerateBatchTool: MCPTool {
    static let name = "generate_batch"

    static func definition(for configuration: Configuration) -> Tool {
        let maxBatch = configuration.limits.maxBatch
        var properties = SpriteOptionsSchema.properties(
            for: configuration,
            options: SpriteOption.all.filter { $0.scope == .shared }
        )
        properties["prompts"] = JSONSchema.array(
            "Prompts sharing the options below (give this or items).",
            items: JSONSchema.string("A prompt.", minLength: 1, maxLength: 2000),
            minItems: 1,
            maxItems: maxBatch
        )
        var item = SpriteOptionsSchema.properties(for: configuration)
        item["variations"] = JSONSchema.integer(
            "Sprites of this prompt, each with its own seed.",
            minimum: BatchDraft.variationRange.lowerBound,
            maximum: BatchDraft.variationRange.upperBound
        )
        properties["items"] = JSONSchema.array(
            "Sprites with their own options; unset options fall back to the shared ones (give this or prompts).",
            items: JSONSchema.object(properties: item, required: ["prompt"]),
            minItems: 1,
            maxItems: maxBatch
        )
        properties["variations"] = JSONSchema.integer(
            "Sprites per prompt, each with its own seed (seed, seed+1, …), named <name>-v1, -v2, …; the total must "
                + "stay within \(maxBatch). Default 1.",
            minimum: BatchDraft.variationRange.lowerBound,
            maximum: BatchDraft.variationRange.upperBound
        )
        properties["return_image"] = JSONSchema.boolean(
            "Include the batch's contact sheet (every sprite, numbered) as an inline image. Default true."
        )
        properties["concurrency"] = JSONSchema.integer(
            "How many items run at once. Default \(configuration.generation.concurrency).",
            minimum: 1,
            maximum: 64
        )
        properties["deploy_to"] = JSONSchema.string(
            "Root of a Bevy project to deploy every finished sprite into.",
            minLength: 1
        )
        properties["wait_seconds"] = JSONSchema.number(
            "How long to wait before answering status 'running' with the job id.",
            minimum: 0,
            maximum: 3600
        )
        properties["seed"] = JSONSchema.integer(
            "Base seed: item i without its own seed uses seed + i. Default: random per item.",
            minimum: 0,
            maximum: SpriteDraft.maxSeed - 10_000
        )
        return Tool(
            name: name,
            description: """
                Generate up to \(maxBatch) pixel-art sprites in one job, from a list of prompts with shared options \
                or a list of items with their own. Items run concurrently; one failed item never loses the others. \
                Returns one result per item in input order. Give deploy_to to place them in a Bevy project.
                """,
            inputSchema: JSONSchema.object(properties: properties),
            annotations: .init(
                title: "Generate sprites in batch",
                readOnlyHint: false,
                destructiveHint: false,
                idempotentHint: false,
                openWorldHint: false
            ),
            outputSchema: JSONSchema.object(
                properties: [
                    "job": SpriteResultSchema.job,
                    "deployment": DeployToBevyTool.reportSchema,
                    "deploy_error": JSONSchema.typed("string"),
                ],
                required: ["job"]
            )
        )
    }

    static func call(_ arguments: [String: Value], context: ToolContext) async throws -> CallTool.Result {
        let requests = try BatchPlanner.requests(for: batch(from: arguments), configuration: context.configuration)
        let concurrency =
            SpriteOptionsSchema.integer(arguments["concurrency"]) ?? context.configuration.generation.concurrency
        // With deploy_to, each sprite goes into the game as soon as it is made, so the game hot-reloads them
        // while the rest of the batch runs.
        let record = try await GenerationCall.run(
            requests,
            kind: "batch",
            concurrency: concurrency,
            arguments: arguments,
            context: context
        )
        var output = Output(job: record)
        var summary = "Batch \(record.id): \(record.succeeded) of \(record.total) sprites made"
        summary += record.failed > 0 ? ", \(record.failed) failed" : ""
        summary += record.status.isFinished ? "." : "; still running: call get_job with job_id '\(record.id)'."
        for item in record.items {
            if let sprite = item.sprite {
                summary += "\n  [\(item.index)] \(sprite.name): \(sprite.path)"
            } else if let error = item.error {
                summary += "\n  [\(item.index)] \(item.name): FAILED: \(error)"
            }
        }
        if let rolling = record.deployment {
            if let report = rolling.report {
                output.deployment = report
                summary += "\nDeployed \(report.sprites.count) sprites into \(report.project) as they were made"
            }
            if !rolling.errors.isEmpty {
                output.deployError = rolling.errors.joined(separator: "; ")
                summary += "\nDeploying failed for: \(output.deployError ?? "")"
            }
        }
        let links = record.items.compactMap(\.sprite).map { ($0.uri, $0.name + ".png", $0.prompt) }
        if record.succeeded == 0 && record.status.isFinished {
            return .failure(summary, structured: output)
        }
        var previews: [Data] = []
        if let sheet = record.contactSheet {
            summary += "\nContact sheet: \(sheet)"
            if arguments["return_image"]?.boolValue != false,
                let preview = Preview.sheet(at: sheet, maxBytes: context.configuration.output.previewMaxBytes)
            {
                previews.append(preview)
            }
        }
        return try .success(summary: summary, structured: output, previews: previews, links: links)
    }

    /// The batch the arguments describe: `prompts` sharing the options, or `items` with their own.
    static func batch(from arguments: [String: Value]) throws(SpriteEngineError) -> BatchDraft {
        let prompts = arguments["prompts"]?.arrayValue
        let items = arguments["items"]?.arrayValue
        guard (prompts == nil) != (items == nil) else {
            throw .invalidArgument(
                field: prompts == nil ? "prompts" : "items",
                message: prompts == nil
                    ? "give either 'prompts' (a list of strings) or 'items' (a list of objects with a prompt)"
                    : "give 'prompts' or 'items', not both"
            )
        }
        let entries: [BatchDraft.Item] =
            prompts.map { list in
                list.enumerated().map { index, prompt in
                    BatchDraft.Item(draft: SpriteDraft(prompt: prompt.stringValue), field: "prompts[\(index)]")
                }
            }
            ?? (items ?? []).enumerated().map { index, item in
                let object = item.objectValue ?? [:]
                return BatchDraft.Item(
                    draft: SpriteOptionsSchema.draft(from: object),
                    variations: SpriteOptionsSchema.integer(object["variations"]),
                    field: "items[\(index)]"
                )
            }
        return BatchDraft(
            shared: SpriteOptionsSchema.draft(from: arguments),
            items: entries,
            variations: SpriteOptionsSchema.integer(arguments["variations"])
        )
    }

    /// The structured result.
    struct Output: Encodable {
        var job: JobRecord
        var deployment: DeployReport?
        var deployError: String?

        enum CodingKeys: String, CodingKey {
            case job, deployment
            case deployError = "deploy_error"
        }
    }
}
