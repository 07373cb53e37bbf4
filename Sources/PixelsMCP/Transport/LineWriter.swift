import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes newline-terminated messages to a descriptor with blocking `write(2)`, one message at a time.
///
/// When the reader has gone (EPIPE: the process ignores SIGPIPE, see `ShutdownSignal`), the writer remembers it,
/// drops everything after, and tells `onDisconnect` once, so the server can treat it as the end of its input.
final class LineWriter: Sendable {
    /// The peer closed its end.
    struct Disconnected: Error {}

    private let descriptor: Int32
    private let state = Mutex((disconnected: false, onDisconnect: (@Sendable () -> Void)?.none))

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Called once when a write finds the peer gone.
    func onDisconnect(_ action: @escaping @Sendable () -> Void) {
        state.withLock { $0.onDisconnect = action }
    }

    var isDisconnected: Bool { state.withLock { $0.disconnected } }

    func write(_ data: Data) throws {
        var message = data
        message.append(UInt8(ascii: "\n"))
        // The lock is held across the write so lines never interleave.
        let failure: Int32? = state.withLock { state in
            guard !state.disconnected else { return EPIPE }
            let result = message.withUnsafeBytes { buffer -> Int32? in
                guard var pointer = buffer.baseAddress else { return nil }
                var remaining = buffer.count
                while remaining > 0 {
                    let written = systemWrite(descriptor, pointer, remaining)
                    if written < 0 {
                        if errno == EINTR { continue }
                        if errno == EAGAIN {
                            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                            _ = poll(&poller, 1, 1000)
                            continue
                        }
                        return errno
                    }
                    remaining -= written
                    pointer += written
                }
                return nil
            }
            if result == EPIPE || result == ECONNRESET { state.disconnected = true }
            return result
        }
        guard let failure else { return }
        if failure == EPIPE || failure == ECONNRESET {
            let action = state.withLock { state in
                defer { state.onDisconnect = nil }
                return state.onDisconnect
            }
            action?()
            throw Disconnected()
        }
        throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
    }
}

private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, pointer, count)
    #else
    Darwin.write(descriptor, pointer, count)
    #endif
}
