import BevyAssets
import MCP
import SpriteEngine

/// `deploy_to_bevy`: copies validated sprites into a Bevy project's assets with .meta files and the manifest.
enum DeployToBevyTool: MCPTool {
    static let name = "deploy_to_bevy"

    /// The `DeployReport` as tool results carry it.
    static let reportSchema: Value = JSONSchema.object(
        "What was (or, with dry_run, would be) written.",
        properties: [
            "project": JSONSchema.typed("string"),
            "bevy_version": JSONSchema.typed("string", "null"),
            "version_source": JSONSchema.typed("string"),
            "loader": JSONSchema.typed("string"),
            "dry_run": JSONSchema.typed("boolean"),
            "sprites": JSONSchema.array(
                "Each sprite with the asset path a game passes to asset_server.load.",
                items: JSONSchema.object(
                    properties: [
                        "name": JSONSchema.typed("string"),
                        "category": JSONSchema.typed("string"),
                        "asset_path": JSONSchema.typed("string"),
                        "png_path": JSONSchema.typed("string"),
                        "meta_path": JSONSchema.typed("string", "null"),
                        "action": JSONSchema.typed("string"),
                        "content_hash": JSONSchema.typed("string"),
                    ],
                    additionalProperties: true
                )
            ),
            "files": JSONSchema.array(
                "Every file operation, in the order performed.",
                items: JSONSchema.typed("object")
            ),
            "manifest_path": JSONSchema.typed("string"),
            "notes": JSONSchema.array("Remarks, e.g. a created assets/ folder.", items: JSONSchema.typed("string")),
        ],
        required: ["project", "sprites", "files", "manifest_path"],
        additionalProperties: true
    )

    static func definition(for configuration: Configuration) -> Tool {
        let project = configuration.bevy.defaultProject.map { " Default: \($0)." } ?? ""
        return Tool(
            name: name,
            description: """
                Deploy sprites into a Bevy game project: validates each PNG, writes \
                assets/sprites/<category>/<name>.png with a nearest-filter .meta (so pixel art stays crisp and \
                hot-reloads safely) and updates assets/sprites/manifest.json. Returns the asset paths to load.
                """,
            inputSchema: JSONSchema.object(
                properties: [
                    "project": JSONSchema.string(
                        "Root folder of the Bevy project (holds Cargo.toml and assets/).\(project)",
                        minLength: 1
                    ),
                    "sprites": JSONSchema.array(
                        "What to deploy: job ids, sprite:// URIs, absolute PNG paths or directories of PNGs.",
                        items: JSONSchema.string("A job id, sprite:// URI or absolute path.", minLength: 1),
                        minItems: 1,
                        maxItems: configuration.limits.maxBatch
                    ),
                    "category": JSONSchema.string(
                        "Folder under assets/sprites/. Default: each sprite's own category.",
                        pattern: SpriteOptionsSchema.namePattern
                    ),
                    "name": JSONSchema.string(
                        "New file name (one sprite only).",
                        pattern: SpriteOptionsSchema.namePattern
                    ),
                    "meta": JSONSchema.boolean("Write the .meta sidecar with nearest sampling.", defaultValue: true),
                    "bevy_version": JSONSchema.string(
                        "Override the Bevy version read from Cargo.lock / Cargo.toml, e.g. '0.14'.",
                        pattern: "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$"
                    ),
                    "on_conflict": JSONSchema.string(
                        "When a different file exists: overwrite, skip or rename. Default '\(configuration.bevy.onConflict)'.",
                        choices: ["overwrite", "skip", "rename"]
                    ),
                    "dry_run": JSONSchema.boolean("List the operations without writing anything.", defaultValue: false),
                ],
                required: configuration.bevy.defaultProject == nil ? ["project", "sprites"] : ["sprites"]
            ),
            annotations: .init(
                title: "Deploy sprites to Bevy",
                readOnlyHint: false,
                destructiveHint: true,
                idempotentHint: true,
                openWorldHint: false
            ),
            outputSchema: reportSchema
        )
    }

    static func call(_ arguments: [String: Value], context: ToolContext) async throws -> CallTool.Result {
        var draft = DeployDraft(
            project: arguments["project"]?.stringValue,
            sprites: arguments["sprites"]?.arrayValue?.compactMap(\.stringValue) ?? []
        )
        draft.category = arguments["category"]?.stringValue
        draft.name = arguments["name"]?.stringValue
        draft.meta = arguments["meta"]?.boolValue
        draft.bevyVersion = arguments["bevy_version"]?.stringValue
        draft.onConflict = arguments["on_conflict"]?.stringValue
        draft.dryRun = arguments["dry_run"]?.boolValue ?? false
        let report = try await context.engine.deploy(draft)
        var lines = [
            (report.dryRun ? "Dry run: would deploy " : "Deployed ")
                + "\(report.sprites.count) sprite(s) into \(report.project) (Bevy \(report.bevyVersion ?? "unknown"))"
        ]
        for sprite in report.sprites {
            lines.append("  \(sprite.action.rawValue): asset_server.load(\"\(sprite.assetPath)\")")
        }
        lines.append("Manifest: \(report.manifestPath)")
        lines += report.notes.map { "Note: \($0)" }
        return try .success(summary: lines.joined(separator: "\n"), structured: report)
    }
}
