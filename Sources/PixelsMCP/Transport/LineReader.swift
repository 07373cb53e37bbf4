import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads newline-delimited messages from a file descriptor on a thread of its own, with blocking `read(2)`.
///
/// No polling: a line is handed over the moment it arrives. A line longer than `maxLineBytes` is never held in
/// memory: its bytes are dropped as they come, and `oversized` is told its length once it ends.
final class LineReader: @unchecked Sendable {
    // Unchecked: every property is immutable, or touched only by the one reader thread.
    enum Event {
        case line(Data)
        /// A line over the limit was dropped; its length in bytes.
        case oversized(Int)
    }

    private let descriptor: Int32
    private let maxLineBytes: Int
    private let logger: Logger
    private let handle: @Sendable (Event) -> Void
    private let ended: @Sendable () -> Void

    /// - Parameters:
    ///   - descriptor: The file descriptor to read (stdin).
    ///   - maxLineBytes: A longer line is dropped as it arrives and reported as too long, never buffered.
    ///   - logger: Where read errors are logged.
    ///   - handle: Called on the reader thread for each line, in order.
    ///   - ended: Called once, on the reader thread, at end of input (EOF or a read error).
    init(
        descriptor: Int32,
        maxLineBytes: Int,
        logger: Logger,
        handle: @escaping @Sendable (Event) -> Void,
        ended: @escaping @Sendable () -> Void
    ) {
        self.descriptor = descriptor
        self.maxLineBytes = maxLineBytes
        self.logger = logger
        self.handle = handle
        self.ended = ended
    }

    /// Starts the reader thread.
    func start(name: String) {
        let thread = Thread { self.run() }
        thread.name = name
        thread.start()
    }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: [UInt8] = []
        var dropped = 0  // bytes of an oversized line dropped so far; 0 while the line is within the limit
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&poller, 1, -1)
                    continue
                }
                logger.error("input read failed", metadata: ["errno": "\(errno)"])
                break
            }
            if count == 0 { break }
            var lineStart = 0
            for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                if dropped > 0 {
                    handle(.oversized(dropped + index - lineStart))
                    dropped = 0
                } else {
                    pending.append(contentsOf: buffer[lineStart..<index])
                    emit(pending)
                }
                pending.removeAll(keepingCapacity: pending.count <= 1 << 20)
                lineStart = index + 1
            }
            if dropped > 0 {
                dropped += count - lineStart
            } else {
                pending.append(contentsOf: buffer[lineStart..<count])
                if pending.count > maxLineBytes {
                    dropped = pending.count
                    pending = []
                }
            }
        }
        if dropped > 0 { handle(.oversized(dropped)) } else { emit(pending) }
        ended()
    }

    private func emit(_ line: [UInt8]) {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: "\r") || line[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end > 0 else { return }
        handle(.line(Data(line[0..<end])))
    }
}
