import Foundation
import Logging
import MCP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The MCP stdio transport: newline-delimited JSON-RPC on stdin/stdout, without polling.
///
/// The SDK's `StdioTransport` switches the descriptors to O_NONBLOCK and sleeps 10 ms whenever a read would block,
/// which adds up to 10 ms to every round trip and can make stderr writes fail when stderr shares stdout's file
/// description. This transport reads with blocking `read(2)` on a dedicated thread and writes with blocking
/// `write(2)`, so a request is handled the moment its line arrives.
///
/// It also keeps count of the requests it has seen and answered (`RequestLedger`), so that on stdin EOF the runner
/// can wait for every in-flight request to be answered before the process exits.
package actor StdioLineTransport: Transport {
    package nonisolated let logger: Logger
    private let input: Int32
    private let writer: LineWriter
    private let stream: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var isConnected = false
    private var readerThread: Thread?
    package nonisolated let ledger = RequestLedger()
    /// Requests answered without the SDK (see `StaticAnswers`).
    package nonisolated let staticAnswers = StaticAnswers()
    /// Requests handled without the SDK's dispatch (see `DirectRequests`).
    package nonisolated let directRequests = DirectRequests()

    package init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, logger: Logger) {
        self.input = input
        self.writer = LineWriter(descriptor: output)
        self.logger = logger
        (stream, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
    }

    package func connect() async throws {
        guard !isConnected else { return }
        isConnected = true
        let reader = LineReader(
            descriptor: input,
            continuation: continuation,
            ledger: ledger,
            answers: staticAnswers,
            direct: directRequests,
            writer: writer,
            logger: logger
        )
        let thread = Thread { reader.run() }
        thread.name = "dgx-pixels.stdin"
        thread.start()
        readerThread = thread
    }

    package func disconnect() async {
        guard isConnected else { return }
        isConnected = false
        continuation.finish()
    }

    package func send(_ data: Data) async throws {
        ledger.noteOutgoing(data)
        try writer.write(data)
    }

    /// Writes a notification line at once, without suspending, so callers can keep their own order (progress).
    package nonisolated func sendNotificationNow(_ data: Data) {
        do {
            try writer.write(data)
        } catch {
            logger.error("stdout write failed", metadata: ["error": "\(error)"])
        }
    }

    package func receive() -> AsyncThrowingStream<Data, any Error> { stream }
}

/// Reads stdin on its own thread and yields one `Data` per non-empty line.
private final class LineReader: @unchecked Sendable {
    // Unchecked: every property is immutable or only touched by the one reader thread.
    private let descriptor: Int32
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private let ledger: RequestLedger
    private let answers: StaticAnswers
    private let direct: DirectRequests
    private let writer: LineWriter
    private let logger: Logger

    init(
        descriptor: Int32,
        continuation: AsyncThrowingStream<Data, any Error>.Continuation,
        ledger: RequestLedger,
        answers: StaticAnswers,
        direct: DirectRequests,
        writer: LineWriter,
        logger: Logger
    ) {
        self.descriptor = descriptor
        self.continuation = continuation
        self.ledger = ledger
        self.answers = answers
        self.direct = direct
        self.writer = writer
        self.logger = logger
    }

    func run() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&pollDescriptor, 1, -1)
                    continue
                }
                logger.error("stdin read failed", metadata: ["errno": "\(errno)"])
                break
            }
            if count == 0 { break }
            var lineStart = 0
            for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                pending.append(contentsOf: buffer[lineStart..<index])
                emit(pending)
                pending.removeAll(keepingCapacity: true)
                lineStart = index + 1
            }
            pending.append(contentsOf: buffer[lineStart..<count])
        }
        emit(pending)
        logger.debug("stdin closed")
        ledger.noteInputClosed()
        continuation.finish()
    }

    private func emit(_ line: [UInt8]) {
        var slice = line[...]
        while let last = slice.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") {
            slice = slice.dropLast()
        }
        guard !slice.isEmpty else { return }
        let data = Data(slice)
        guard let envelope = JSONRPCEnvelope.decode(data) else {
            continuation.yield(data)  // the SDK answers with a parse error
            return
        }
        if let response = answers.response(to: envelope) {
            do {
                try writer.write(response)
                return
            } catch {
                logger.error("stdout write failed", metadata: ["error": "\(error)"])
            }
        }
        ledger.noteIncoming(envelope)
        if envelope.method == "notifications/cancelled", let id = envelope.params?.requestId, direct.cancel(id) {
            return
        }
        let (writer, ledger, logger, id) = (self.writer, self.ledger, self.logger, envelope.id)
        let handled = direct.start(
            data,
            envelope: envelope,
            answer: { response in
                do {
                    try writer.write(response)
                } catch {
                    logger.error("stdout write failed", metadata: ["error": "\(error)"])
                }
            },
            settled: { if let id { ledger.settle(id) } }
        )
        if handled { return }
        continuation.yield(data)
    }
}
