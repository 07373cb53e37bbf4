import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// Opens plain `ws://` connections with SwiftNIO: TCP, an HTTP/1.1 upgrade request, then WebSocket frames.
///
/// Frames sent are masked (RFC 6455 requires it of clients), pings are answered, fragmented messages are
/// reassembled, and incoming frames may be up to `maxFrameSize` bytes (NIO's default of 16 KiB is too small for
/// ComfyUI's ~50 KB preview images).
package struct NIOWebSocketConnector: WebSocketConnector {
    /// The largest frame, and the largest reassembled message, accepted from the server.
    package let maxFrameSize: Int
    private let group: any EventLoopGroup

    package init(maxFrameSize: Int = 16 << 20, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.maxFrameSize = maxFrameSize
        self.group = group
    }

    package func connect(to url: URL, timeout: Duration) async throws -> any WebSocketConnection {
        let target = try WebSocketTarget(url)
        let timeAmount = TimeAmount(timeout)
        let deadline = NIODeadline.now() + timeAmount
        let (stream, continuation) = AsyncStream.makeStream(of: WebSocketMessage.self)
        let maxFrameSize = maxFrameSize
        let channel: any Channel
        let upgrade: EventLoopFuture<UpgradeOutcome>
        do {
            (channel, upgrade) = try await ClientBootstrap(group: group)
                .connectTimeout(timeAmount)
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .connect(host: target.host, port: target.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let future = try Self.configureUpgrade(
                            channel,
                            target: target,
                            maxFrameSize: maxFrameSize,
                            continuation: continuation
                        )
                        return (channel, future)
                    }
                }
        } catch {
            continuation.finish()
            throw Self.connectError(error, target: target)
        }

        let outcome: UpgradeOutcome
        do {
            outcome = try await Self.awaitWithin(deadline, upgrade, on: channel)
        } catch {
            continuation.finish()
            channel.close(promise: nil)
            throw Self.handshakeError(error)
        }
        switch outcome {
        case .upgraded:
            continuation.onTermination = { termination in
                if case .cancelled = termination { channel.close(promise: nil) }
            }
            return NIOWebSocketConnection(messages: stream, channel: channel)
        case .notUpgraded(let status):
            continuation.finish()
            let answer = try? await Self.awaitWithin(deadline, status, on: channel)
            channel.close(promise: nil)
            let shown = answer.map { "HTTP \($0.code) \($0.reasonPhrase)" } ?? "a non-101 response"
            throw WebSocketError.handshakeFailed(
                "\(target.description) answered \(shown) instead of 101 Switching Protocols"
            )
        }
    }

    /// Installs the HTTP client codec and the upgrader; the future tells how the server answered.
    private static func configureUpgrade(
        _ channel: any Channel,
        target: WebSocketTarget,
        maxFrameSize: Int,
        continuation: AsyncStream<WebSocketMessage>.Continuation
    ) throws -> EventLoopFuture<UpgradeOutcome> {
        let upgrader = NIOTypedWebSocketClientUpgrader<UpgradeOutcome>(
            maxFrameSize: maxFrameSize,
            enableAutomaticErrorHandling: false
        ) { channel, _ in
            channel.eventLoop.makeCompletedFuture {
                let handler = WebSocketClientFrameHandler(continuation: continuation, maxMessageSize: maxFrameSize)
                try channel.pipeline.syncOperations.addHandler(handler)
                return UpgradeOutcome.upgraded
            }
        }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: target.hostHeader)
        headers.add(name: "Content-Length", value: "0")
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: target.requestURI, headers: headers)
        let configuration = NIOTypedHTTPClientUpgradeConfiguration(
            upgradeRequestHead: head,
            upgraders: [upgrader],
            notUpgradingCompletionHandler: { channel in
                channel.eventLoop.makeCompletedFuture {
                    let promise = channel.eventLoop.makePromise(of: HTTPResponseStatus.self)
                    try channel.pipeline.syncOperations.addHandler(ResponseStatusCatcher(promise: promise))
                    return UpgradeOutcome.notUpgraded(promise.futureResult)
                }
            }
        )
        var pipeline = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: configuration)
        // The server's first WebSocket frame often arrives in the same read as the 101 response: keep those bytes.
        pipeline.leftOverBytesStrategy = .forwardBytes
        return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: pipeline)
    }

    /// The future's value, or `WebSocketError.timedOut` at `deadline`, or a failure when the connection drops.
    private static func awaitWithin<Value: Sendable>(
        _ deadline: NIODeadline,
        _ future: EventLoopFuture<Value>,
        on channel: any Channel
    ) async throws -> Value {
        let promise = channel.eventLoop.makePromise(of: Value.self)
        future.cascade(to: promise)
        let timer = channel.eventLoop.scheduleTask(deadline: deadline) {
            promise.fail(WebSocketError.timedOut)
        }
        channel.closeFuture.whenComplete { _ in
            promise.fail(WebSocketError.handshakeFailed("the server closed the connection during the upgrade"))
        }
        defer { timer.cancel() }
        return try await promise.futureResult.get()
    }

    private static func connectError(_ error: any Error, target: WebSocketTarget) -> WebSocketError {
        if let error = error as? WebSocketError { return error }
        if let error = error as? ChannelError, case .connectTimeout = error { return .timedOut }
        if let error = error as? NIOConnectionError {
            let refused = error.connectionErrors.contains { failure in
                (failure.error as? IOError)?.errnoCode == ECONNREFUSED
            }
            if refused { return .connectFailed("nothing is listening at \(target.description) (connection refused)") }
            if let first = error.connectionErrors.first {
                return .connectFailed("\(target.description): \(first.error)")
            }
            if let dns = error.dnsAError ?? error.dnsAAAAError {
                return .connectFailed("cannot resolve \(target.host): \(dns)")
            }
        }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED {
            return .connectFailed("nothing is listening at \(target.description) (connection refused)")
        }
        return .connectFailed("\(target.description): \(error)")
    }

    private static func handshakeError(_ error: any Error) -> WebSocketError {
        if let error = error as? WebSocketError { return error }
        return .handshakeFailed("\(error)")
    }
}

/// How the server answered the upgrade request.
private enum UpgradeOutcome: Sendable {
    case upgraded
    /// Any status but 101; the future carries it once the response head has been read.
    case notUpgraded(EventLoopFuture<HTTPResponseStatus>)
}

/// Reads the status of a response that refused the upgrade, so the error can say what the server answered.
private final class ResponseStatusCatcher: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let promise: EventLoopPromise<HTTPResponseStatus>

    init(promise: EventLoopPromise<HTTPResponseStatus>) {
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) { promise.succeed(head.status) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(WebSocketError.handshakeFailed("the server closed the connection"))
        context.fireChannelInactive()
    }
}
