import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs URLSession data tasks whose answers are capped in size and bounded in time, each resolving exactly once.
///
/// The body is gathered as it arrives (a session delegate), so an answer that declares more than `limit` bytes, or
/// sends more, is cut off there and never held whole in memory. The deadline is a dispatch timer cancelled the
/// moment the answer is complete, enforced here because swift-corelibs-foundation rounds its own timeouts to whole
/// seconds.
final class BoundedDataLoader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // Unchecked: `pending` is guarded by `lock`; `session` is set once in init.
    /// How a load ended, before the channel turns it into its own error.
    enum Failure: Error {
        case tooLarge(limit: Int)
        case timedOut
        case transport(String)
    }

    private struct Load {
        var data = Data()
        let limit: Int
        let continuation: CheckedContinuation<(Int, Data), any Error>
        var timer: (any DispatchSourceTimer)?
        var status = 0
    }

    private let lock = NSLock()
    private var pending: [Int: Load] = [:]
    private var session: URLSession?

    init(configuration: URLSessionConfiguration) {
        super.init()
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    /// The status and body of `request`; throws `Failure` (or `CancellationError` when the calling task is).
    func load(_ request: URLRequest, limit: Int, timeout: Duration) async throws -> (status: Int, body: Data) {
        guard let session else { throw Failure.transport("the HTTP session is gone") }
        let box = TaskBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Int, Data), any Error>) in
                let task = session.dataTask(with: request)
                let id = task.taskIdentifier
                let timer = DispatchSource.makeTimerSource(queue: .global())
                let (seconds, attoseconds) = timeout.components
                timer.schedule(
                    deadline: .now()
                        + .nanoseconds(Int(clamping: seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
                )
                timer.setEventHandler { [weak self] in
                    self?.finish(id, with: .failure(Failure.timedOut))
                    task.cancel()
                }
                lock.withLock { pending[id] = Load(limit: limit, continuation: continuation, timer: timer) }
                box.set(task) { [weak self] in self?.finish(id, with: .failure(CancellationError())) }
                timer.resume()
                task.resume()
            }
        } onCancel: {
            box.cancel()
        }
    }

    /// Resolves load `id` once; later outcomes of the same load are ignored.
    private func finish(_ id: Int, with outcome: Result<(Int, Data), any Error>) {
        guard let load = lock.withLock({ pending.removeValue(forKey: id) }) else { return }
        load.timer?.cancel()
        load.continuation.resume(with: outcome)
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let id = dataTask.taskIdentifier
        let limit = lock.withLock { () -> Int? in
            pending[id]?.status = (response as? HTTPURLResponse)?.statusCode ?? 0
            return pending[id]?.limit
        }
        if let limit, response.expectedContentLength > Int64(limit) {
            finish(id, with: .failure(Failure.tooLarge(limit: limit)))
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let overLimit = lock.withLock { () -> Int? in
            guard var load = pending[id] else { return nil }
            guard load.data.count + data.count <= load.limit else { return load.limit }
            load.data.append(data)
            pending[id] = load
            return nil
        }
        if let overLimit {
            finish(id, with: .failure(Failure.tooLarge(limit: overLimit)))
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let id = task.taskIdentifier
        if let error {
            let cancelled = (error as NSError).code == NSURLErrorCancelled
            finish(id, with: .failure(cancelled ? CancellationError() : Failure.transport(error.localizedDescription)))
            return
        }
        let answer = lock.withLock { pending[id].map { ($0.status, $0.data) } }
        if let answer { finish(id, with: .success(answer)) }
    }
}

/// Holds a data task so a cancelled call can cancel it from the cancellation handler's thread.
private final class TaskBox: @unchecked Sendable {
    // Unchecked: every property is guarded by `lock`.
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var onCancel: (() -> Void)?
    private var cancelled = false

    func set(_ task: URLSessionDataTask, onCancel: @escaping () -> Void) {
        let cancelNow = lock.withLock {
            self.task = task
            self.onCancel = onCancel
            return cancelled
        }
        if cancelNow {
            onCancel()
            task.cancel()
        }
    }

    func cancel() {
        let (task, onCancel) = lock.withLock {
            cancelled = true
            return (self.task, self.onCancel)
        }
        onCancel?()
        task?.cancel()
    }
}
