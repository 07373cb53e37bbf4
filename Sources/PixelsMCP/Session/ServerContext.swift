import Foundation
import Logging
import MCP
import SpriteEngine

/// What every session of one server shares: the engine, the tools, the client log, the limits on messages.
///
/// stdio serves one session; HTTP serves many at once, all on this one context, so they share one job queue,
/// cache, journal and backend pool.
package struct ServerContext: Sendable {
    package static let serverInfo = Server.Info(name: "dgx-pixels", version: "0.1.0", title: "DGX-Pixels")
    static let instructions = """
        Generates pixel-art game sprites (generate_sprite, generate_batch) and deploys them into Bevy \
        projects (deploy_to_bevy). Long jobs answer status 'running' with a job_id: poll get_job.
        """
    static let capabilities = Server.Capabilities(
        logging: .init(),
        resources: .init(subscribe: false, listChanged: false),
        tools: .init(listChanged: false)
    )

    package let engine: GenerationEngine
    let registry: ToolRegistry
    /// `tools/list`'s result, encoded once: it never changes while the server runs.
    let toolList: Data
    package let clientLog: ClientLog
    let logger: Logger
    let limits: InboundMessage.Limits

    /// - Parameters:
    ///   - engine: The engine the tools call.
    ///   - logger: The server's own logger (stderr).
    ///   - clientLog: Where `ClientLogHandler`s send records for clients (see `ClientLog`).
    package init(engine: GenerationEngine, logger: Logger, clientLog: ClientLog = ClientLog()) {
        self.engine = engine
        registry = ToolRegistry(configuration: engine.configuration, logger: logger)
        toolList = ValueJSON.data((try? ValueEncoder.encode(ListTools.Result(tools: registry.definitions))) ?? .null)
        self.clientLog = clientLog
        self.logger = logger
        limits = InboundMessage.Limits(
            maxBytes: engine.configuration.limits.maxMessageBytes,
            maxDepth: engine.configuration.limits.maxJSONDepth
        )
    }
}
