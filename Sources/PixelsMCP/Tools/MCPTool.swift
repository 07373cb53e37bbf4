import MCP
import SpriteEngine

/// One MCP tool: its wire definition (schemas beside the handler) and the handler.
protocol MCPTool: Sendable {
    /// The tool as `tools/list` shows it; schemas may depend on the configuration (style names, limits).
    static func definition(for configuration: Configuration) -> Tool
    /// Runs the tool on arguments already checked against the input schema.
    static func call(_ arguments: [String: Value], context: ToolContext) async throws -> CallTool.Result
}

/// What a tool handler works with.
struct ToolContext: Sendable {
    let engine: GenerationEngine
    let progress: ProgressReporter

    var configuration: Configuration { engine.configuration }
}
