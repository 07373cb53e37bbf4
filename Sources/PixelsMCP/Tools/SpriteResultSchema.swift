import MCP

/// Output schemas for the records tools return, matching the engine's Codable types key for key.
enum SpriteResultSchema {
    /// One finished sprite (`SpriteResult`).
    static let sprite: Value = JSONSchema.object(
        "A generated sprite.",
        properties: [
            "job_id": JSONSchema.typed("string"),
            "name": JSONSchema.typed("string"),
            "category": JSONSchema.typed("string"),
            "prompt": JSONSchema.typed("string"),
            "style": JSONSchema.typed("string"),
            "engine": JSONSchema.typed("string", description: "Which engine made it: procedural or comfyui."),
            "backend": JSONSchema.typed("string", "null", description: "The ComfyUI backend URL, if any."),
            "prompt_id": JSONSchema.typed("string", "null", description: "The ComfyUI prompt id, if any."),
            "cached": JSONSchema.typed("boolean", "null", description: "True when it came from the cache."),
            "seed": JSONSchema.typed("integer", description: "The seed used; pass it back to regenerate exactly."),
            "width": JSONSchema.typed("integer"),
            "height": JSONSchema.typed("integer"),
            "path": JSONSchema.typed("string", description: "Absolute path of the PNG."),
            "uri": JSONSchema.typed("string", description: "sprite:// URI readable with resources/read."),
            "file_size": JSONSchema.typed("integer"),
            "colors_used": JSONSchema.typed("integer"),
            "palette": JSONSchema.typed("string", "null"),
            "content_hash": JSONSchema.typed("string"),
            "validation": JSONSchema.typed("object", description: "The PNG validation report."),
            "timings": JSONSchema.typed("object", description: "Milliseconds per stage."),
        ],
        required: ["job_id", "name", "engine", "seed", "width", "height", "path", "uri", "validation"],
        additionalProperties: true
    )

    /// A job and its items (`JobRecord`).
    static let job: Value = JSONSchema.object(
        "A job and the state of each item.",
        properties: [
            "job_id": JSONSchema.typed("string"),
            "kind": JSONSchema.typed("string"),
            "status": JSONSchema.string(
                "Where the job stands.",
                choices: ["pending", "running", "succeeded", "partial", "failed", "cancelled"]
            ),
            "created_at": JSONSchema.typed("string"),
            "finished_at": JSONSchema.typed("string", "null"),
            "total": JSONSchema.typed("integer"),
            "succeeded": JSONSchema.typed("integer"),
            "failed": JSONSchema.typed("integer"),
            "contact_sheet": JSONSchema.typed(
                "string",
                "null",
                description: "A batch's sprites in a numbered grid (PNG path), once it finished."
            ),
            "deploy_to": JSONSchema.typed(
                "string",
                "null",
                description: "The Bevy project each sprite is deployed into as it is made."
            ),
            "deployment": JSONSchema.object(
                "What deploying the sprites as they were made has done so far.",
                properties: [
                    "report": DeployToBevyTool.reportSchema,
                    "errors": JSONSchema.array(
                        "Sprites whose deploy failed, each 'name: reason'.",
                        items: JSONSchema.typed("string")
                    ),
                ],
                additionalProperties: true
            ),
            "items": JSONSchema.array(
                "One entry per requested sprite, in request order.",
                items: JSONSchema.object(
                    properties: [
                        "index": JSONSchema.typed("integer"),
                        "prompt": JSONSchema.typed("string"),
                        "name": JSONSchema.typed("string"),
                        "status": JSONSchema.typed("string"),
                        "error": JSONSchema.typed("string", "null"),
                        "sprite": JSONSchema.anyOf("The sprite, once made.", [sprite, JSONSchema.typed("null")]),
                    ],
                    required: ["index", "status"],
                    additionalProperties: true
                )
            ),
        ],
        required: ["job_id", "status", "total", "items"],
        additionalProperties: true
    )
}
