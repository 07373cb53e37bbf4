import Foundation
import Synchronization

/// Watches for the file `dgx-pixels jobs cancel` drops to cancel a job a live server runs,
/// `<output_dir>/<job-id>/cancel-requested`, checking every half second while the job runs.
final class CancelWatcher: Sendable {
    private let root: URL
    private let watches = Mutex<[String: Task<Void, Never>]>([:])

    init(root: URL) {
        self.root = root
    }

    /// Where another process asks for job `id` to be cancelled.
    func requestURL(for id: String) -> URL {
        root.appendingPathComponent(id).appendingPathComponent("cancel-requested")
    }

    /// Calls `cancel` once when a request for job `id` appears, until `stop(_:)`.
    func watch(_ id: String, cancel: @escaping @Sendable () async -> Void) {
        let marker = requestURL(for: id)
        let task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                guard FileManager.default.fileExists(atPath: marker.path), !Task.isCancelled else { continue }
                await cancel()
                return
            }
        }
        watches.withLock { $0[id] = task }
    }

    /// Ends the watch of job `id` and removes a request it may have left.
    func stop(_ id: String) {
        watches.withLock { $0.removeValue(forKey: id) }?.cancel()
        try? FileManager.default.removeItem(at: requestURL(for: id))
    }
}
