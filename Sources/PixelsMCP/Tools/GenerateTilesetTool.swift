import BevyAssets
import Foundation
import MCP
import SpriteEngine

/// `generate_tileset`: an autotile set (wang16 or blob47) of one terrain meeting another, as a job like
/// `generate_sprite`'s, optionally deployed into a Bevy project's `assets/tilesets/`.
enum GenerateTilesetTool: MCPTool {
    static let name = "generate_tileset"

    static func definition(for configuration: Configuration) -> Tool {
        let range = TilesetSpec.tileSizeRange
        var properties: [String: Value] = [
            "terrain": JSONSchema.string(
                "The main terrain, e.g. 'grass' (corner value 0); colour words are honoured.",
                minLength: 1,
                maxLength: 2000
            ),
            "edge": JSONSchema.string(
                "The second terrain it meets, e.g. 'water' (corner value 1). Without it, 1 is transparent: the "
                    + "terrain over whatever layer is below.",
                minLength: 1,
                maxLength: 2000
            ),
            "tile_size": JSONSchema.integer(
                "Pixels per tile edge, \(range.lowerBound)-\(range.upperBound).",
                minimum: range.lowerBound,
                maximum: range.upperBound,
                defaultValue: TilesetSpec.defaultTileSize
            ),
            "layout": JSONSchema.string(
                "wang16: the 16 corner combinations (tile nw + 2*ne + 4*se + 8*sw, 4 columns); blob47: the 47 "
                    + "8-neighbour blob tiles plus a plain edge tile (48 tiles, 8 columns).",
                choices: TilesetLayout.allCases.map(\.rawValue),
                defaultValue: TilesetLayout.wang16.rawValue
            ),
            "name": JSONSchema.string(
                "File name without .png. Default: slug of terrain_edge.",
                pattern: SpriteOptionsSchema.namePattern
            ),
            "force": JSONSchema.boolean(
                "Paint it again even when the cache holds the same request and seed.",
                defaultValue: false
            ),
            "deploy_to": JSONSchema.string(
                "Root of a Bevy project to deploy the tileset into once made (assets/tilesets/<name>.png with "
                    + "<name>.tileset.ron and <name>.tileset.json).",
                minLength: 1
            ),
            "wait_seconds": JSONSchema.number(
                "How long to wait before answering status 'running' with the job id (then use get_job). "
                    + "Default \(Int(configuration.generation.waitSeconds)).",
                minimum: 0,
                maximum: 3600
            ),
            "return_image": JSONSchema.boolean(
                "Include a small upscaled PNG preview in the result.",
                defaultValue: true
            ),
        ]
        for option in [SpriteOption.style, .palette, .seed] {
            properties[option.key] = SpriteOptionsSchema.schema(of: option, configuration: configuration)
        }
        return Tool(
            name: name,
            description: """
                Generate a seamless pixel-art autotile set: one terrain (e.g. grass) meeting a second (e.g. water) \
                along organic curves, as one PNG of tiles in a grid (wang16: 16 corner tiles; blob47: 47 blob \
                tiles + 1). Returns the PNG's path, a sprite:// link, a preview, the seed and a descriptor giving \
                each tile's corners [nw, ne, se, sw] (0 terrain, 1 edge). Give deploy_to to also place it in a \
                Bevy project's assets/tilesets/.
                """,
            inputSchema: JSONSchema.object(properties: properties, required: ["terrain"]),
            annotations: .init(
                title: "Generate tileset",
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
                    "tileset": TilesetSchema.output,
                    "error": JSONSchema.typed("string"),
                    "deployment": DeployToBevyTool.reportSchema,
                ],
                required: ["job_id", "status"]
            )
        )
    }

    /// The draft for arguments that already passed the schema.
    static func draft(from arguments: [String: Value]) -> TilesetDraft {
        var draft = TilesetDraft(terrain: arguments["terrain"]?.stringValue)
        draft.edge = arguments["edge"]?.stringValue
        draft.tileSize = SpriteOptionsSchema.integer(arguments["tile_size"])
        draft.layout = arguments["layout"]?.stringValue
        draft.style = arguments["style"]?.stringValue
        draft.palette = arguments["palette"].flatMap(SpriteOptionsSchema.optionValue)
        draft.seed = SpriteOptionsSchema.integer(arguments["seed"])
        draft.name = arguments["name"]?.stringValue
        draft.force = arguments["force"]?.boolValue ?? false
        return draft
    }

    static func call(_ arguments: [String: Value], context: ToolContext) async throws -> CallTool.Result {
        let request = try draft(from: arguments).resolve(with: context.configuration)
        let record = try await GenerationCall.run([request], kind: "tileset", arguments: arguments, context: context)
        var output = Output(jobID: record.id, status: record.status.rawValue)
        guard let item = record.items.first, record.status.isFinished else {
            return try GenerationCall.stillRunning(record, structured: output)
        }
        guard let sprite = item.sprite, let descriptor = sprite.tileset else {
            output.error = item.error ?? "the tileset was not made"
            return .failure("Could not generate tileset '\(request.name)': \(output.error ?? "")", structured: output)
        }
        output.sprite = sprite
        output.tileset = descriptor
        var summary = """
            Generated \(descriptor.layout.rawValue) tileset '\(sprite.name)': \(descriptor.tiles.count) tiles of \
            \(descriptor.tileSize) px in \(descriptor.columns)x\(descriptor.rows) (\(sprite.colorsUsed) colours, \
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
            links: [(sprite.uri, sprite.name + ".png", "The generated tileset PNG")]
        )
    }

    /// The structured result: `generate_sprite`'s, plus the tileset's descriptor.
    struct Output: Encodable {
        var jobID: String
        var status: String
        var sprite: SpriteResult?
        var tileset: TilesetDescriptor?
        var error: String?
        var deployment: DeployReport?

        enum CodingKeys: String, CodingKey {
            case jobID = "job_id"
            case status, sprite, tileset, error, deployment
        }
    }
}
