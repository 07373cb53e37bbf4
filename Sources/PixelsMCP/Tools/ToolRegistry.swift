import Logging
import MCP
import SpriteEngine

/// The only list of tools and the only switch on their names.
package struct ToolRegistry: Sendable {
    private static let tools: [any MCPTool.Type] = [
        GenerateSpriteTool.self, GenerateTilesetTool.self, GenerateBatchTool.self, DeployToBevyTool.self,
        GetJobTool.self, CancelJobTool.self, ValidateSpriteTool.self,
    ]

    /// Every tool as `tools/list` returns it, built once from the configuration.
    package let definitions: [Tool]
    private let logger: Logger

    package init(configuration: Configuration, logger: Logger) {
        definitions = Self.tools.map { $0.definition(for: configuration) }
        self.logger = logger
    }

    /// Runs a `tools/call`: unknown tool → invalid params; bad arguments and engine failures → `isError` results.
    func call(_ parameters: CallTool.Parameters, context: ToolContext) async throws -> CallTool.Result {
        guard let index = definitions.firstIndex(where: { $0.name == parameters.name }) else {
            let names = definitions.map(\.name).joined(separator: ", ")
            throw MCPError.invalidParams("Unknown tool '\(parameters.name)'; this server has: \(names)")
        }
        let arguments = parameters.arguments ?? [:]
        if let (field, message) = SchemaValidator.firstProblem(
            in: .object(arguments),
            against: definitions[index].inputSchema
        ) {
            logger.debug("rejected arguments", metadata: ["tool": "\(parameters.name)", "field": "\(field)"])
            return .failure("Invalid argument '\(field)': \(message)")
        }
        do {
            return try await Self.tools[index].call(arguments, context: context)
        } catch let error as SpriteEngineError {
            logger.debug("tool failed", metadata: ["tool": "\(parameters.name)", "error": "\(error)"])
            return .failure(error.description)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error("unexpected tool error", metadata: ["tool": "\(parameters.name)", "error": "\(error)"])
            return .failure("\(parameters.name) failed unexpectedly: \(error)")
        }
    }
}
