import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import SpriteEngine
import Synchronization

/// An HTTP/1.1 listener on SwiftNIO: one `HTTPConnectionHandler` per connection, answering through `HTTPRouter`.
///
/// Keeps its connections so `close()` can end them all (closing the listening socket alone leaves them open).
package final class HTTPServer: Sendable {
    /// Where it listens, with the port the system chose when asked for port 0.
    package let address: ListenAddress
    private let listener: any Channel
    private let connections: Connections

    /// The connections open now.
    private final class Connections: Sendable {
        private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

        func add(_ channel: any Channel) {
            channels.withLock { $0[ObjectIdentifier(channel)] = channel }
            channel.closeFuture.whenComplete { [weak self] _ in
                _ = self?.channels.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
            }
        }

        var all: [any Channel] { channels.withLock { Array($0.values) } }
    }

    private init(address: ListenAddress, listener: any Channel, connections: Connections) {
        self.address = address
        self.listener = listener
        self.connections = connections
    }

    /// Binds `address` and starts answering.
    ///
    /// - Throws: `PixelsMCPError.cannotListen` when the address cannot be bound (in use, not this machine's).
    static func start(
        at address: ListenAddress,
        router: HTTPRouter,
        maxBodyBytes: Int,
        idleConnection: TimeAmount = .seconds(120)
    ) async throws(PixelsMCPError) -> HTTPServer {
        let connections = Connections()
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                connections.add(channel)
                return channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
                    try pipeline.addHandler(IdleStateHandler(allTimeout: idleConnection))
                    try pipeline.addHandler(HTTPConnectionHandler(router: router, maxBodyBytes: maxBodyBytes))
                }
            }
        let listener: any Channel
        do {
            listener = try await bootstrap.bind(host: address.host, port: address.port).get()
        } catch {
            throw .cannotListen(address: address.description, reason: "\(error)")
        }
        var bound = address
        if let port = listener.localAddress?.port { bound.port = port }
        return HTTPServer(address: bound, listener: listener, connections: connections)
    }

    /// Stops taking new connections; those open go on.
    package func stopListening() async {
        try? await listener.close()
    }

    /// Stops listening and closes every connection (streams end; their clients see the connection close).
    package func close() async {
        await stopListening()
        for connection in connections.all { try? await connection.close() }
    }
}
