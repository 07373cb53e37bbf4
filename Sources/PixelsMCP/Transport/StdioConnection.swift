import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stdio transport: one MCP session on a pair of file descriptors, newline-delimited JSON-RPC.
///
/// Lines are read on a thread of their own (`LineReader`, blocking `read(2)`, no polling) and handed straight to
/// the session, which answers cheap requests at once and runs the rest in tasks; messages leave through one locked
/// blocking `write(2)` each (`LineWriter`). The SDK's own `StdioTransport` sleeps 10 ms whenever a read would block
/// and puts the descriptors in non-blocking mode, which can make stderr writes fail when stderr shares stdout.
package final class StdioConnection: MessageSink {
    private let input: Int32
    private let writer: LineWriter
    private let logger: Logger
    private let closed = Latch()

    package init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, logger: Logger) {
        self.input = input
        writer = LineWriter(descriptor: output)
        self.logger = logger
    }

    /// Starts reading into `session`; `waitUntilClosed()` returns at end of input or once the client stops reading.
    package func start(_ session: MCPSession, maxLineBytes: Int) {
        writer.onDisconnect { [closed, logger] in
            logger.info("the client stopped reading (EPIPE); treating it as the end of input")
            closed.open()
        }
        let reader = LineReader(
            descriptor: input,
            maxLineBytes: maxLineBytes,
            logger: logger,
            handle: { event in
                switch event {
                case .line(let line): session.receive(line)
                case .oversized(let count): session.refuseOversized(byteCount: count)
                }
            },
            ended: { [closed, logger] in
                logger.debug("input closed")
                closed.open()
            }
        )
        reader.start(name: "dgx-pixels.stdin")
    }

    /// Returns once the input has ended or the client has gone.
    package func waitUntilClosed() async {
        await closed.wait()
    }

    package func send(_ message: Data, _ route: OutboundRoute) {
        do {
            try writer.write(message)
        } catch is LineWriter.Disconnected {
            // Already reported once through onDisconnect; the rest of the session's output has nowhere to go.
        } catch {
            logger.error("output write failed", metadata: ["error": "\(error)"])
        }
    }
}
