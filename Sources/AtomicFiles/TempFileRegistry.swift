import Foundation

/// Hands out unique temp-file names and remembers which ones this process is writing right now, so stale-temp
/// cleanup never removes a temp another task of the same process is about to rename.
package final class TempFileRegistry: @unchecked Sendable {
    package static let shared = TempFileRegistry()

    // Guards counter and inFlight; every access goes through `lock.withLock`.
    private let lock = NSLock()
    private var counter = 0
    private var inFlight: Set<String> = []

    /// The hidden same-folder temp `.<name>.tmp-<pid>-<counter>` for `target`, marked in flight.
    package func reserveTemp(for target: URL) -> URL {
        lock.withLock {
            counter += 1
            let temp = target.deletingLastPathComponent()
                .appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())-\(counter)")
            inFlight.insert(temp.path)
            return temp
        }
    }

    package func release(_ temp: URL) {
        _ = lock.withLock { inFlight.remove(temp.path) }
    }

    package func isInFlight(_ path: String) -> Bool {
        lock.withLock { inFlight.contains(path) }
    }
}
