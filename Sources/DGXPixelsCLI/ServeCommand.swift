import ArgumentParser
import Logging
import PixelsMCP
import SpriteEngine

/// `dgx-pixels serve`: the MCP server on stdio.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve MCP over stdio (the default)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let clientLog = ClientLog()
        let (configuration, _) = try global.bootstrap(defaultLogLevel: .info, clientLog: clientLog)
        let logger = Logger(label: "dgx-pixels.mcp")
        let engine = EngineFactory.makeEngine(configuration)
        do {
            // Before the first request: a server that cannot keep sprites says why and stops.
            try engine.store.prepare()
        } catch {
            throw JobRunner.fail(error)
        }
        let connection = StdioConnection(logger: Logger(label: "dgx-pixels.transport"))
        let runner = MCPServerRunner(context: ServerContext(engine: engine, logger: logger, clientLog: clientLog))
        let grace = Duration.milliseconds(Int((configuration.generation.waitSeconds + 5) * 1000))
        await runner.run(connection: connection, shutdownGrace: grace)
    }
}
