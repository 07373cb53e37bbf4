import Foundation
import Logging
import MCP

/// An SDK `Transport` over a pair of file descriptors, newline-delimited: how an SDK `Client` talks to a
/// `dgx-pixels serve` child process (the demo, tests).
package actor PipeTransport: Transport {
    package nonisolated let logger: Logger
    private let input: Int32
    private let writer: LineWriter
    private let stream: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var isConnected = false

    package init(input: Int32, output: Int32, logger: Logger) {
        self.input = input
        writer = LineWriter(descriptor: output)
        self.logger = logger
        (stream, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
    }

    package func connect() async throws {
        guard !isConnected else { return }
        isConnected = true
        let continuation = self.continuation
        LineReader(
            descriptor: input,
            maxLineBytes: 256 << 20,
            logger: logger,
            handle: { event in
                if case .line(let line) = event { continuation.yield(line) }
            },
            ended: { continuation.finish() }
        ).start(name: "dgx-pixels.pipe")
    }

    package func disconnect() async {
        isConnected = false
        continuation.finish()
    }

    package func send(_ data: Data) async throws {
        do {
            try writer.write(data)
        } catch {
            throw MCPError.transportError(error)
        }
    }

    package func receive() -> AsyncThrowingStream<Data, any Error> { stream }
}
