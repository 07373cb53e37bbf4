import Foundation
import Logging
import MCP
import SpriteEngine

/// Builds the MCP server around the engine and runs it until the client goes away.
package struct MCPServerRunner: Sendable {
    package static let serverName = "dgx-pixels"
    package static let serverVersion = "0.1.0"

    package let engine: GenerationEngine
    private let registry: ToolRegistry
    /// `tools/call`, for the SDK's handler and the stdio transport's direct route alike.
    private let calls: ToolCalls
    private let logger: Logger
    private let clientLog: ClientLog

    /// - Parameters:
    ///   - engine: The engine the tools call.
    ///   - logger: The server's own logger.
    ///   - clientLog: Where `ClientLogHandler`s send records for the client (see `ClientLog`).
    package init(engine: GenerationEngine, logger: Logger, clientLog: ClientLog = ClientLog()) {
        self.engine = engine
        self.registry = ToolRegistry(configuration: engine.configuration, logger: logger)
        self.calls = ToolCalls(registry: registry, engine: engine)
        self.logger = logger
        self.clientLog = clientLog
    }

    /// A server with every handler registered, ready for `start(transport:)`.
    package func makeServer() async -> Server {
        let server = Server(
            name: Self.serverName,
            version: Self.serverVersion,
            title: "DGX-Pixels",
            instructions: """
                Generates pixel-art game sprites (generate_sprite, generate_batch) and deploys them into Bevy \
                projects (deploy_to_bevy). Long jobs answer status 'running' with a job_id: poll get_job.
                """,
            capabilities: .init(
                logging: .init(),
                resources: .init(subscribe: false, listChanged: false),
                tools: .init(listChanged: false)
            )
        )
        let registry = self.registry
        let engine = self.engine
        let clientLog = self.clientLog
        let calls = self.calls
        await server.withMethodHandler(ListTools.self) { _ in
            ListTools.Result(tools: registry.definitions)
        }
        await server.withMethodHandler(CallTool.self) { [weak server] parameters in
            guard let server else { throw MCPError.internalError("server is shutting down") }
            // The SDK's notify suspends, so progress goes through an ordered queue drained before the answer.
            let (queue, enqueue) = AsyncStream.makeStream(of: ProgressNotification.Parameters.self)
            let sender = Task { [weak server] in
                for await progress in queue { try? await server?.notify(ProgressNotification.message(progress)) }
            }
            defer { enqueue.finish() }
            let result = try await calls.call(parameters) { enqueue.yield($0) }
            enqueue.finish()
            await sender.value
            return result
        }
        await server.withMethodHandler(ListResources.self) { _ in
            ListResources.Result(resources: await SpriteResources.list(engine: engine), nextCursor: nil)
        }
        await server.withMethodHandler(ListResourceTemplates.self) { _ in
            ListResourceTemplates.Result(templates: SpriteResources.templates, nextCursor: nil)
        }
        await server.withMethodHandler(ReadResource.self) { parameters in
            ReadResource.Result(contents: try await SpriteResources.read(parameters.uri, engine: engine))
        }
        await server.withMethodHandler(SetLoggingLevel.self) { parameters in
            clientLog.setLevel(parameters.level)
            return Empty()
        }
        clientLog.attach(server)
        return server
    }

    /// `tools/list`'s result, encoded the way the SDK encodes responses.
    static func encodedToolList(_ registry: ToolRegistry) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(ListTools.Result(tools: registry.definitions))
    }

    /// Serves on `transport` until stdin closes or SIGTERM, answers what is in flight, then returns (exit 0).
    package func run(transport: StdioLineTransport, shutdownGrace: Duration) async throws {
        // Before the first request can be answered, so a client never sees a server that ignores SIGTERM.
        let stop = ShutdownSignal.install(logger: logger)
        let server = await makeServer()
        transport.staticAnswers.answer(ListTools.name, with: try Self.encodedToolList(registry))
        transport.directRequests.route(
            CallTool.name,
            to: calls.directHandler(sendingThrough: transport)
        )
        let resumed = await engine.recover()
        if !resumed.isEmpty {
            logger.info("resumed jobs from the journal", metadata: ["jobs": "\(resumed.joined(separator: ", "))"])
        }
        try await server.start(transport: transport)
        logger.info("serving MCP on stdio", metadata: ["output.dir": "\(engine.store.root.path)"])
        _ = await firstOf([{ await server.waitUntilCompleted() }, { await stop.wait() }])
        logger.info(
            "input closed; answering requests in flight",
            metadata: ["open": "\(transport.ledger.openRequests)"]
        )
        // Jobs first (left for the next start, cancelled or finished per generation.on_shutdown): the calls
        // waiting on them then answer at once, with `status: running` and the job id when they were left.
        await engine.shutdown()
        _ = await firstOf([
            { await transport.ledger.waitUntilSettled() }, { try? await Task.sleep(for: shutdownGrace) },
        ])
        await server.stop()
        logger.info("stopped")
    }
}
