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
                items: JSONSchema.object(
                    properties: [
                        "path": JSONSchema.typed("string"),
                        "kind": JSONSchema.string(
                            "What the file is.",
                            choices: ["png", "meta", "manifest", "sheet", "tileset", "collection"]
                        ),
                        "action": JSONSchema.string(
                            "What happened to it.",
                            choices: ["created", "replaced", "unchanged", "skipped"]
                        ),
                        "backup_path": JSONSchema.typed(
                            "string",
                            description: "Where the replaced file was copied (only for backed-up files)."
                        ),
                    ],
                    additionalProperties: true
                )
            ),
            "manifest_path": JSONSchema.typed("string"),
            "notes": JSONSchema.array("Remarks, e.g. a created assets/ folder.", items: JSONSchema.typed("string")),
            "sheet": SheetSchema.output,
            "backup_path": JSONSchema.typed(
                "string",
                "null",
                description:
                    "This deploy's folder under <project>/.dgx-pixels/backups/, null when nothing was replaced."
            ),
            "warnings": JSONSchema.array(
                "What did not work but did not stop the deploy, e.g. a game that did not answer reload.",
                items: JSONSchema.typed("string")
            ),
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
                hot-reloads safely) and updates assets/sprites/manifest.json. With sheet, packs the frames into one \
                sprite sheet with .sheet.ron/.sheet.json layouts. Replaced files are backed up; reload nudges a \
                running game. Returns the asset paths to load.
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
                        "New file name (one sprite only), or the sheet's name (required with sheet).",
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
                    "sheet": SheetSchema.input,
                    "backup": JSONSchema.boolean(
                        "Copy each file about to be replaced to <project>/.dgx-pixels/backups/<UTC time>/ (the newest "
                            + "\(configuration.bevy.backupsKeep) folders are kept, bevy.backups_keep).",
                        defaultValue: true
                    ),
                    "reload": JSONSchema.boolean(
                        "Then ask the running game to reload the files: a JSON-RPC sprites/reload call to "
                            + "\(configuration.bevy.remoteURL) (300 ms timeout; failure is only a warning).",
                        defaultValue: false
                    ),
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
        draft.sheet = SheetSchema.draft(from: arguments["sheet"])
        draft.backup = arguments["backup"]?.boolValue
        draft.reload = arguments["reload"]?.boolValue ?? false
        let report = try await context.engine.deploy(draft)
        var lines = [
            (report.dryRun ? "Dry run: would deploy " : "Deployed ")
                + "\(report.sprites.count) sprite(s) into \(report.project) (Bevy \(report.bevyVersion ?? "unknown"))"
        ]
        for sprite in report.sprites {
            lines.append("  \(sprite.action.rawValue): asset_server.load(\"\(sprite.assetPath)\")")
        }
        if let sheet = report.sheet {
            lines.append(
                "  sheet: \(sheet.frames) frame(s) of \(sheet.tileSizeX)x\(sheet.tileSizeY) in \(sheet.columns)x\(sheet.rows)"
                    + " (load \"\(sheet.image.dropLast(4)).sheet.ron\")"
            )
        }
        lines.append("Manifest: \(report.manifestPath)")
        if let backup = report.backupPath { lines.append("Backups: \(backup)") }
        lines += report.notes.map { "Note: \($0)" }
        lines += report.warnings.map { "Warning: \($0)" }
        return try .success(summary: lines.joined(separator: "\n"), structured: report)
    }
}
