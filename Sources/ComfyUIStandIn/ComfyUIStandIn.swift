import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// A ComfyUI-compatible HTTP + WebSocket server for tests and benchmarks, behaving like ComfyUI 0.3.64 as recorded
/// in the project's API reference: the same routes (also under `/api`), status codes, error bodies and WebSocket
/// event order, with scripted outcomes instead of a model.
///
/// It listens on 127.0.0.1 on a free port, runs prompts one at a time like ComfyUI's worker, and lets a test
/// script behaviours (`enqueue`, `onPrompt`), HTTP faults and delays, and observe what the client did.
package final class ComfyUIStandIn: Sendable {
    /// `http://127.0.0.1:<port>`.
    package let url: URL
    /// The WebSocket base, `ws://127.0.0.1:<port>/ws`.
    package var webSocketURL: URL { URL(string: "ws://127.0.0.1:\(port)/ws") ?? url }
    package let port: Int

    let core: StandInCore
    private let listener: any Channel
    private let worker: Task<Void, Never>

    private init(core: StandInCore, listener: any Channel, port: Int, worker: Task<Void, Never>) {
        self.core = core
        self.listener = listener
        self.port = port
        self.url = URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
        self.worker = worker
    }

    /// Starts a stand-in on 127.0.0.1 and a free port.
    package static func start(_ setup: Setup = Setup()) async throws -> ComfyUIStandIn {
        let core = StandInCore(setup: setup)
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try configure(channel, core: core)
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = listener.localAddress?.port else {
            try? await listener.close()
            throw ChannelError.unknownLocalAddress
        }
        let worker = Task { await PromptWorker(core: core).run() }
        return ComfyUIStandIn(core: core, listener: listener, port: port, worker: worker)
    }

    private static func configure(_ channel: any Channel, core: StandInCore) throws {
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: 1 << 20,
            shouldUpgrade: { channel, head in
                let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
                let isSocket = path == "/ws" || path == "/api/ws"
                return channel.eventLoop.makeSucceededFuture(isSocket ? HTTPHeaders() : nil)
            },
            upgradePipelineHandler: { channel, head in
                let query = URLComponents(string: "http://stand-in" + head.uri)?.queryItems
                let given = query?.first { $0.name == "clientId" }?.value
                let clientID =
                    given.flatMap { $0.isEmpty ? nil : $0 }
                    ?? UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        WebSocketServerHandler(core: core, clientID: clientID)
                    )
                }
            }
        )
        let requestHandler = HTTPRequestHandler(core: core)
        try channel.pipeline.syncOperations.addHandler(ConnectionTracker(core: core))
        try channel.pipeline.syncOperations.configureHTTPServerPipeline(
            withServerUpgrade: (
                upgraders: [upgrader],
                completionHandler: { context in
                    context.pipeline.removeHandler(name: "stand-in.http", promise: nil)
                }
            )
        )
        try channel.pipeline.syncOperations.addHandler(requestHandler, name: "stand-in.http")
    }

    /// Stops listening, closes every connection and socket, and ends the worker (a running prompt is abandoned).
    package func shutdown() async {
        let connections = core.withState { state in
            state.isShutDown = true
            return Array(state.connections.values)
        }
        try? await listener.close()
        for connection in connections { try? await connection.close() }
        core.wakeUp.finish()
        worker.cancel()
        await worker.value
    }
}
