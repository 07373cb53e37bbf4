import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `RemoteTransport` over URLSession, with a fresh ephemeral session per call so no connection outlives it.
///
/// The deadline is enforced here, not by URLSession: swift-corelibs-foundation truncates its timeouts to whole
/// seconds, so a 300 ms timeout would expire at once.
package struct URLSessionRemoteTransport: RemoteTransport {
    /// The deadline passed without an answer.
    package struct TimedOut: Error, CustomStringConvertible {
        package var timeout: Duration
        package var description: String { "no answer within \(timeout)" }
    }

    package init() {}

    package func post(_ body: Data, to url: URL, timeout: Duration) async throws -> RemoteResponse {
        try await withThrowingTaskGroup(of: RemoteResponse.self) { group in
            group.addTask { try await Self.send(body, to: url, within: timeout) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw TimedOut(timeout: timeout)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw TimedOut(timeout: timeout) }
            return first
        }
    }

    private static func send(_ body: Data, to url: URL, within timeout: Duration) async throws -> RemoteResponse {
        let seconds = max(
            1,
            (Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18).rounded(.up)
        )
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url, timeoutInterval: seconds)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let box = TaskBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else {
                        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                        continuation.resume(returning: RemoteResponse(status: status, body: data ?? Data()))
                    }
                }
                box.set(task)
                task.resume()
            }
        } onCancel: {
            box.cancel()
        }
    }
}

/// Holds the data task so a cancelled call can cancel it from the cancellation handler's thread.
private final class TaskBox: @unchecked Sendable {
    // Guards task and cancelled; every access goes through `lock.withLock`.
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    func set(_ task: URLSessionDataTask) {
        let cancelNow = lock.withLock {
            self.task = task
            return cancelled
        }
        if cancelNow { task.cancel() }
    }

    func cancel() {
        let task = lock.withLock {
            cancelled = true
            return self.task
        }
        task?.cancel()
    }
}
