import Foundation
import MCP
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Writes newline-terminated messages to a descriptor with blocking `write(2)`, one message at a time.
final class LineWriter: Sendable {
    private let descriptor: Int32
    private let lock = Mutex(())

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ data: Data) throws {
        var message = data
        message.append(UInt8(ascii: "\n"))
        try lock.withLock { _ in
            try message.withUnsafeBytes { buffer in
                guard var pointer = buffer.baseAddress else { return }
                var remaining = buffer.count
                while remaining > 0 {
                    let written = Glibc.write(descriptor, pointer, remaining)
                    if written < 0 {
                        if errno == EINTR { continue }
                        if errno == EAGAIN {
                            waitUntilWritable()
                            continue
                        }
                        throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
                    }
                    remaining -= written
                    pointer += written
                }
            }
        }
    }

    /// Blocks until the descriptor takes more bytes; only reached if someone else made it non-blocking.
    private func waitUntilWritable() {
        var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        _ = poll(&poller, 1, 1000)
    }
}
