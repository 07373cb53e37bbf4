import Foundation
import Logging
import SpriteEngine

/// Serves one MCP session on stdio until the client goes away, then stops as `generation.on_shutdown` says.
package struct MCPServerRunner: Sendable {
    package let context: ServerContext

    package init(context: ServerContext) {
        self.context = context
    }

    /// Serves on `connection` until its input ends, the client stops reading, or SIGTERM/SIGINT; answers what is in
    /// flight, then returns (exit 0).
    package func run(connection: StdioConnection, shutdownGrace: Duration) async {
        // Before the first request can be answered, so a client never sees a server that ignores SIGTERM.
        let stop = ShutdownSignal.install(logger: context.logger)
        let engine = context.engine
        let session = MCPSession(context: context, sink: connection)
        EngineMetrics.session(opened: true, transport: "stdio")
        defer { EngineMetrics.session(opened: false, transport: "stdio") }
        connection.start(session, maxLineBytes: context.limits.maxBytes)
        // After the session is up: replaying the journal never delays `initialize`; get_job on a job being
        // recovered waits for it.
        await engine.startRecovery()
        await engine.startMaintenance()
        context.logger.info("serving MCP on stdio", metadata: ["output.dir": "\(engine.store.root.path)"])
        _ = await firstOf([{ await connection.waitUntilClosed() }, { await stop.wait() }])
        context.logger.info(
            "input closed; answering requests in flight",
            metadata: ["open": "\(session.ledger.openRequests)"]
        )
        // Jobs first (left for the next start, cancelled or finished per generation.on_shutdown): the calls
        // waiting on them then answer at once, with `status: running` and the job id when they were left.
        await engine.shutdown()
        _ = await firstOf([{ await session.ledger.waitUntilSettled() }], timeout: shutdownGrace)
        session.close()
        context.logger.info("stopped")
    }
}
