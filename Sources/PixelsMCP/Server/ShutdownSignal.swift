import Dispatch
import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves once SIGTERM or SIGINT arrives, so the server can finish cleanly and exit 0.
///
/// Installing it also ignores SIGPIPE: a client that closes its end makes the next write fail with EPIPE (which the
/// transports treat as the client leaving) instead of killing the process with every job in flight.
final class ShutdownSignal: @unchecked Sendable {
    // Unchecked: `sources` is written only inside `install`, before the instance is shared.
    private let fired = Latch()
    private var sources: [any DispatchSourceSignal] = []

    static func install(logger: Logger) -> ShutdownSignal {
        let signal = ShutdownSignal()
        _ = setHandler(SIGPIPE, SIG_IGN)
        for number in [SIGTERM, SIGINT] {
            _ = setHandler(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [fired = signal.fired] in
                logger.info("signal received; shutting down", metadata: ["signal": "\(number)"])
                fired.open()
            }
            source.resume()
            signal.sources.append(source)
        }
        return signal
    }

    func wait() async {
        await fired.wait()
    }

    private static func setHandler(_ number: Int32, _ handler: sig_t?) -> sig_t? {
        #if canImport(Glibc)
        Glibc.signal(number, handler)
        #else
        Darwin.signal(number, handler)
        #endif
    }
}
