import Foundation
import MCP

/// One MCP session served over any SDK `Transport` (the in-memory pair tests use, for one).
///
/// Messages are read from the transport in order and handed to the session; what the session sends is queued and
/// written by one task, so the transport sees messages in the order the session produced them.
package final class TransportConnection: MessageSink {
    private let transport: any Transport
    private let outbox: AsyncStream<Data>.Continuation
    private let writing: Task<Void, Never>

    package init(transport: any Transport) {
        self.transport = transport
        let (queue, outbox) = AsyncStream.makeStream(of: Data.self)
        self.outbox = outbox
        writing = Task {
            for await message in queue { try? await transport.send(message) }
        }
    }

    package func send(_ message: Data, _ route: OutboundRoute) {
        outbox.yield(message)
    }

    /// Connects the transport and feeds `session` until the transport's input ends; then flushes what is queued.
    package func serve(_ session: MCPSession) async throws {
        try await transport.connect()
        for try await message in await transport.receive() { session.receive(message) }
        session.close()
        outbox.finish()
        await writing.value
    }
}
