import ArgumentParser
import Logging
import PixelsMCP
import SpriteEngine

/// `dgx-pixels serve`: the MCP server, on stdio (one client) or Streamable HTTP (`--http`, many clients).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve MCP over stdio (the default), or over HTTP to many clients with --http.",
        discussion: """
            With --http, every client shares one engine: one queue, cache, journal and backend pool. Binding \
            anything but 127.0.0.1, localhost or ::1 needs a token (http.token or $DGX_PIXELS_TOKEN). See \
            docs/http.md.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Serve MCP over Streamable HTTP at [HOST:]PORT instead of stdio (host 127.0.0.1 when left out).",
            valueName: "[host:]port"
        )
    )
    var http: String?

    func validate() throws {
        if let http, ListenAddress(parsing: http) == nil {
            throw ValidationError("--http takes [HOST:]PORT, e.g. 8765 or 127.0.0.1:8765 or [::1]:8765; got '\(http)'")
        }
    }

    func run() async throws {
        let clientLog = ClientLog()
        let (configuration, _) = try global.bootstrap(defaultLogLevel: .info, clientLog: clientLog)
        let address = http.flatMap(ListenAddress.init(parsing:))
        if let address {
            do {
                try HTTPServerRunner.checkExposure(of: address, token: configuration.http.token)
            } catch {
                Console.error(error.description)
                throw ExitCode.failure
            }
        }
        let registry = address != nil || configuration.metrics.listen != nil ? PrometheusExport.bootstrap() : nil
        let logger = Logger(label: "dgx-pixels.mcp")
        let engine = EngineFactory.makeEngine(configuration)
        do {
            // Before the first request: a server that cannot keep sprites says why and stops.
            try engine.store.prepare()
        } catch {
            throw JobRunner.fail(error)
        }
        let context = ServerContext(engine: engine, logger: logger, clientLog: clientLog)
        let grace = Duration.milliseconds(Int((configuration.generation.waitSeconds + 5) * 1000))
        var monitoring: HTTPServer?
        do {
            if let listen = configuration.metrics.listen, let registry {
                let server = try await HTTPServerRunner.startMonitoring(
                    at: listen,
                    engine: engine,
                    registry: registry,
                    allowedOrigins: configuration.http.allowedOrigins
                )
                logger.info("serving /metrics and /healthz at http://\(server.address)")
                monitoring = server
            }
            if let address, let registry {
                let runner = HTTPServerRunner(context: context, settings: configuration.http, registry: registry)
                try await runner.run(at: address, shutdownGrace: grace)
            } else {
                let connection = StdioConnection(logger: Logger(label: "dgx-pixels.transport"))
                await MCPServerRunner(context: context).run(connection: connection, shutdownGrace: grace)
            }
        } catch {
            await monitoring?.close()
            Console.error(error.description)
            throw ExitCode.failure
        }
        await monitoring?.close()
    }
}
