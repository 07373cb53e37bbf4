import Foundation
import Logging
import MCP
import SpriteEngine
import TestSupport

@testable import PixelsMCP

/// A server and an SDK `Client` joined by `InMemoryTransport`, with a scratch output directory and Bevy project.
struct MCPHarness {
    let client: Client
    let serving: Task<Void, any Error>
    let engine: GenerationEngine
    let root: URL
    let configuration: Configuration
    /// Keeps the scratch directory until the harness goes.
    let scratch: TemporaryDirectory

    static func start(
        clientLog: ClientLog = ClientLog(),
        _ configure: (inout Configuration) -> Void = { _ in }
    ) async throws -> MCPHarness {
        try await start(clientLog: clientLog, configure: configure, generator: { _ in ProceduralGenerator() })
    }

    /// A harness whose engine uses the generator `makeGenerator` builds from the configuration.
    static func start(
        clientLog: ClientLog = ClientLog(),
        configure: (inout Configuration) -> Void,
        generator makeGenerator: (Configuration) -> any Generator
    ) async throws -> MCPHarness {
        let fixture = try EngineFixture(configure)
        let (root, configuration) = (fixture.directory.url, fixture.configuration)
        let engineLogger = Logger(label: "dgx-pixels.engine") { ClientLogHandler(label: $0, sink: clientLog) }
        let engine = fixture.engine(makeGenerator(configuration), logger: engineLogger)
        let context = ServerContext(engine: engine, logger: Logger(label: "test"), clientLog: clientLog)
        let (clientTransport, serverTransport) = await InMemoryTransport.createConnectedPair()
        let connection = TransportConnection(transport: serverTransport)
        let session = MCPSession(context: context, sink: connection)
        let serving = Task { try await connection.serve(session) }
        let client = Client(name: "test-client", version: "1.0")
        _ = try await client.connect(transport: clientTransport)
        return MCPHarness(
            client: client,
            serving: serving,
            engine: engine,
            root: root,
            configuration: configuration,
            scratch: fixture.directory
        )
    }

    /// Calls a tool and returns the whole result (structured content included).
    func call(_ name: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
        let context: RequestContext<CallTool.Result> = try await client.callTool(name: name, arguments: arguments)
        return try await context.value
    }

    /// A minimal Bevy project under the scratch directory.
    func makeBevyProject(version: String = "0.15") throws -> URL {
        try scratch.makeBevyProject(at: "game-\(UUID().uuidString.prefix(8))", requirement: version, withAssets: false)
    }

    func stop() async {
        await client.disconnect()
        serving.cancel()
        scratch.remove()
    }
}

extension CallTool.Result {
    /// The first text block.
    var text: String {
        for case .text(let text, _, _) in content { return text }
        return ""
    }
}
