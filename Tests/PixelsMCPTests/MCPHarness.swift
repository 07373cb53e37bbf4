import Foundation
import Logging
import MCP
import SpriteEngine

@testable import PixelsMCP

/// A server and an SDK `Client` joined by `InMemoryTransport`, with a scratch output directory and Bevy project.
struct MCPHarness {
    let client: Client
    let serving: Task<Void, any Error>
    let engine: GenerationEngine
    let root: URL
    let configuration: Configuration

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
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dgx-pixels-mcp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var configuration = Configuration(environment: ["HOME": root.path])
        configuration.output.directory = root.appendingPathComponent("out")
        configure(&configuration)
        let engineLogger = Logger(label: "dgx-pixels.engine") { ClientLogHandler(label: $0, sink: clientLog) }
        let engine = GenerationEngine(
            configuration: configuration,
            generator: makeGenerator(configuration),
            logger: engineLogger
        )
        let context = ServerContext(engine: engine, logger: Logger(label: "test"), clientLog: clientLog)
        let (clientTransport, serverTransport) = await InMemoryTransport.createConnectedPair()
        let connection = TransportConnection(transport: serverTransport)
        let session = MCPSession(context: context, sink: connection)
        let serving = Task { try await connection.serve(session) }
        let client = Client(name: "test-client", version: "1.0")
        _ = try await client.connect(transport: clientTransport)
        return MCPHarness(client: client, serving: serving, engine: engine, root: root, configuration: configuration)
    }

    /// Calls a tool and returns the whole result (structured content included).
    func call(_ name: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
        let context: RequestContext<CallTool.Result> = try await client.callTool(name: name, arguments: arguments)
        return try await context.value
    }

    /// A minimal Bevy project under the scratch directory.
    func makeBevyProject(version: String = "0.15") throws -> URL {
        let project = root.appendingPathComponent("game-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(
            at: project.appendingPathComponent("src"),
            withIntermediateDirectories: true
        )
        let manifest = "[package]\nname = \"game\"\nversion = \"0.1.0\"\n\n[dependencies]\nbevy = \"\(version)\"\n"
        try Data(manifest.utf8).write(to: project.appendingPathComponent("Cargo.toml"))
        return project
    }

    func stop() async {
        await client.disconnect()
        serving.cancel()
        try? FileManager.default.removeItem(at: root)
    }
}

extension CallTool.Result {
    /// The first text block.
    var text: String {
        for case .text(let text, _, _) in content { return text }
        return ""
    }
}
