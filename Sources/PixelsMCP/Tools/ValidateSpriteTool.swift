import Foundation
import MCP
import PixelArt
import SpriteEngine

/// `validate_sprite`: the validation report of any PNG, by path or sprite:// URI.
enum ValidateSpriteTool: MCPTool {
    static let name = "validate_sprite"

    static func definition(for configuration: Configuration) -> Tool {
        Tool(
            name: name,
            description: """
                Validate a PNG as a game sprite: signature, chunk CRCs, header sanity, decompression-bomb guard, \
                full decode, size limits, colour count, alpha. Returns a report with stable issue codes; the result \
                is an error when the file has error-level issues.
                """,
            inputSchema: JSONSchema.object(
                properties: [
                    "path": JSONSchema.string("Absolute path of a PNG file, or a sprite:// URI.", minLength: 1),
                    "max_colors": JSONSchema.integer(
                        "Fail when the image uses more colours.",
                        minimum: 1,
                        maximum: 65536
                    ),
                    "require_binary_alpha": JSONSchema.boolean(
                        "Treat partial transparency as an error instead of a warning.",
                        defaultValue: false
                    ),
                ],
                required: ["path"]
            ),
            annotations: .init(title: "Validate sprite", readOnlyHint: true),
            outputSchema: JSONSchema.object(
                properties: [
                    "path": JSONSchema.typed("string"),
                    "report": JSONSchema.typed("object", description: "The validation report."),
                ],
                required: ["path", "report"]
            )
        )
    }

    static func call(_ arguments: [String: Value], context: ToolContext) async throws -> CallTool.Result {
        let reference = arguments["path"]?.stringValue ?? ""
        var limits = context.configuration.validationLimits
        limits.maxColors = SpriteOptionsSchema.integer(arguments["max_colors"])
        limits.requireBinaryAlpha = arguments["require_binary_alpha"]?.boolValue ?? false
        let (url, report) = try context.engine.store.validate(reference, limits: limits)
        if !report.valid { EngineMetrics.validationFailed(.validate) }
        let output = Output(path: url.path, report: report)
        var lines = [
            report.valid
                ? "\(url.path) is a valid sprite: \(report.width ?? 0)×\(report.height ?? 0), "
                    + "\(report.colorCount.map(String.init) ?? "?") colours, \(report.fileSize) bytes."
                : "\(url.path) is NOT a valid sprite:"
        ]
        lines += report.issues.map { "  \($0.severity.rawValue) \($0.code): \($0.message)" }
        let summary = lines.joined(separator: "\n")
        return report.valid ? try .success(summary: summary, structured: output) : .failure(summary, structured: output)
    }

    /// The structured result.
    struct Output: Encodable {
        var path: String
        var report: ValidationReport
    }
}
