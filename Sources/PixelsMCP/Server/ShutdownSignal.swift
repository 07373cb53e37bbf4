import Dispatch
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Resolves once SIGTERM or SIGINT arrives, so the server can finish cleanly and exit 0.
final class ShutdownSignal: @unchecked Sendable {
    // Unchecked: `sources` is written only inside `install`, before the instance is shared; `state` is locked.
    private let state = Mutex<(fired: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))
    private var sources: [any DispatchSourceSignal] = []

    static func install(logger: Logger) -> ShutdownSignal {
        let signal = ShutdownSignal()
        for number in [SIGTERM, SIGINT] {
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                logger.info("signal received; shutting down", metadata: ["signal": "\(number)"])
                signal.fire()
            }
            source.resume()
            signal.sources.append(source)
        }
        return signal
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let fired = state.withLock { state -> Bool in
                if !state.fired { state.waiters.append(continuation) }
                return state.fired
            }
            if fired { continuation.resume() }
        }
    }

    private func fire() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.fired = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
