import Foundation
import Logging
import Prometheus
import SpriteEngine

/// Serves MCP over Streamable HTTP to any number of clients at once, every session on one `ServerContext` (one
/// engine, queue, cache, journal and backend pool), until SIGTERM or SIGINT; then stops as `generation.on_shutdown`
/// says and exits 0.
package struct HTTPServerRunner: Sendable {
    package let context: ServerContext
    package let settings: Configuration.HTTP
    package let registry: PrometheusCollectorRegistry

    package init(context: ServerContext, settings: Configuration.HTTP, registry: PrometheusCollectorRegistry) {
        self.context = context
        self.settings = settings
        self.registry = registry
    }

    /// Refuses an address beyond loopback without a token: the MCP transport spec asks for authentication, and the
    /// tools write files.
    package static func checkExposure(of address: ListenAddress, token: String?) throws(PixelsMCPError) {
        guard address.isLoopback || token != nil else { throw .tokenRequired(address: address.description) }
    }

    /// Serves at `address` until SIGTERM/SIGINT, then answers what is in flight (at most `shutdownGrace`) and
    /// returns.
    ///
    /// - Throws: `PixelsMCPError` when the address needs a token or cannot be bound; nothing has started then.
    package func run(at address: ListenAddress, shutdownGrace: Duration) async throws(PixelsMCPError) {
        try Self.checkExposure(of: address, token: settings.token)
        let stop = ShutdownSignal.install(logger: context.logger)
        let engine = context.engine
        let sessions = HTTPSessionTable(
            context: context,
            maxSessions: settings.maxSessions,
            maxStreams: settings.maxStreamsPerSession,
            idleLimit: .milliseconds(Int64(settings.sessionIdleSeconds * 1000))
        )
        let router = HTTPRouter(
            origins: OriginPolicy(allowedOrigins: settings.allowedOrigins, loopbackHostOnly: address.isLoopback),
            token: settings.token.map(BearerToken.init),
            mcp: MCPEndpoint(sessions: sessions, limits: context.limits),
            monitoring: MonitoringEndpoint(registry: registry, engine: engine)
        )
        let server = try await HTTPServer.start(at: address, router: router, maxBodyBytes: settings.maxBodyBytes)
        let resumed = await engine.recover()
        if !resumed.isEmpty {
            context.logger.info(
                "resumed jobs from the journal",
                metadata: ["jobs": "\(resumed.joined(separator: ", "))"]
            )
        }
        context.logger.info(
            "serving MCP over HTTP at http://\(server.address)/mcp",
            metadata: [
                "output.dir": "\(engine.store.root.path)", "auth": "\(settings.token == nil ? "none" : "bearer token")",
            ]
        )
        let upkeep = Task { await Self.upkeep(sessions, idleLimit: sessions.idleLimit) }
        await stop.wait()
        context.logger.info("stopping: no new connections; answering requests in flight")
        await server.stopListening()
        // Jobs first (left, cancelled or finished per generation.on_shutdown): the calls waiting on them then answer.
        await engine.shutdown()
        _ = await firstOf([{ await sessions.waitUntilSettled() }, { try? await Task.sleep(for: shutdownGrace) }])
        upkeep.cancel()
        sessions.endAll()
        await server.close()
        context.logger.info("stopped")
    }

    /// Ends idle sessions and sends keep-alive comments on open streams, until cancelled.
    private static func upkeep(_ sessions: HTTPSessionTable, idleLimit: Duration) async {
        let sweep = min(max(idleLimit / 4, .milliseconds(100)), .seconds(5))
        let keepAliveEvery = Duration.seconds(30)
        var sinceKeepAlive = Duration.zero
        while !Task.isCancelled {
            try? await Task.sleep(for: sweep)
            sessions.expireIdle()
            sinceKeepAlive += sweep
            if sinceKeepAlive >= keepAliveEvery {
                sessions.keepAlive()
                sinceKeepAlive = .zero
            }
        }
    }

    /// A listener serving only `/metrics` and `/healthz` (`metrics.listen`), beside stdio or the MCP port.
    package static func startMonitoring(
        at address: ListenAddress,
        engine: GenerationEngine,
        registry: PrometheusCollectorRegistry,
        allowedOrigins: [String]
    ) async throws(PixelsMCPError) -> HTTPServer {
        let router = HTTPRouter(
            origins: OriginPolicy(allowedOrigins: allowedOrigins, loopbackHostOnly: address.isLoopback),
            token: nil,
            mcp: nil,
            monitoring: MonitoringEndpoint(registry: registry, engine: engine)
        )
        return try await HTTPServer.start(at: address, router: router, maxBodyBytes: 4096)
    }
}
