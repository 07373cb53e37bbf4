import Foundation
import Logging

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Plain HTTP calls to one ComfyUI server over URLSession, with our own deadlines and retries.
///
/// The deadline is enforced here, not by URLSession: swift-corelibs-foundation truncates its timeouts to whole
/// seconds. Connect errors and 5xx answers are retried with backoff when the call is safe to repeat.
struct HTTPChannel: Sendable {
    /// A raw answer.
    struct Response: Sendable {
        var status: Int
        var body: Data
    }

    let baseURL: URL
    let timeout: Duration
    let retry: RetryPolicy
    let session: URLSession
    let logger: Logger

    init(baseURL: URL, timeout: Duration, retry: RetryPolicy, logger: Logger) {
        self.baseURL = baseURL
        self.timeout = timeout
        self.retry = retry
        self.logger = logger
        let configuration = URLSessionConfiguration.ephemeral
        let seconds = Self.seconds(timeout).rounded(.up) + 1
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        configuration.httpMaximumConnectionsPerHost = 8
        session = URLSession(configuration: configuration)
    }

    /// The server as messages name it: `http://host:port`.
    var backend: String {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// `GET path?query`: retried (GET is safe), 200 expected.
    func get(_ path: String, query: [URLQueryItem] = []) async throws -> Data {
        let response = try await send("GET", path, query: query, body: nil, retrying: true)
        guard response.status == 200 else { throw failure("GET /\(path)", response) }
        return response.body
    }

    /// `GET path` decoded as JSON.
    func getJSON(_ path: String, query: [URLQueryItem] = []) async throws -> JSONValue {
        let data = try await get(path, query: query)
        do {
            return try JSONValue(parsing: data)
        } catch {
            throw ComfyUIError.badResponse(backend: backend, operation: "GET /\(path)", reason: "not JSON")
        }
    }

    /// `POST path` with a JSON body; returns whatever status came back (the caller reads 400 bodies).
    func post(_ path: String, json: JSONValue, retrying: Bool) async throws -> Response {
        try await send("POST", path, query: [], body: json.encoded(), retrying: retrying)
    }

    /// Builds the error for an answer the call cannot use.
    func failure(_ operation: String, _ response: Response) -> ComfyUIError {
        .httpStatus(
            backend: backend,
            operation: operation,
            status: response.status,
            body: String(decoding: response.body.prefix(300), as: UTF8.self)
        )
    }

    private func send(
        _ method: String,
        _ path: String,
        query: [URLQueryItem],
        body: Data?,
        retrying: Bool
    ) async throws -> Response {
        let operation = "\(method) /\(path)"
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query }
        guard let url = components?.url else {
            throw ComfyUIError.badResponse(backend: backend, operation: operation, reason: "bad URL")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let attempts = retrying ? retry.attempts : 1
        var attempt = 1
        while true {
            do {
                let response = try await perform(request, operation: operation)
                if response.status >= 500, attempt < attempts {
                    logger.debug(
                        "retrying after HTTP \(response.status)",
                        metadata: ["comfyui.backend": "\(backend)", "comfyui.operation": "\(operation)"]
                    )
                } else {
                    return response
                }
            } catch let error as ComfyUIError {
                guard case .unreachable = error, attempt < attempts else { throw error }
                logger.debug(
                    "retrying after a connect error",
                    metadata: ["comfyui.backend": "\(backend)", "error": "\(error)"]
                )
            }
            try await Task.sleep(for: retry.delay(beforeRetry: attempt))
            attempt += 1
        }
    }

    /// One attempt, bounded by `timeout`.
    private func perform(_ request: URLRequest, operation: String) async throws -> Response {
        let timeout = self.timeout
        let backend = self.backend
        let session = self.session
        return try await withThrowingTaskGroup(of: Response.self) { group in
            group.addTask { try await Self.dataTask(request, session: session, backend: backend) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw ComfyUIError.timedOut(backend: backend, operation: operation, seconds: Self.seconds(timeout))
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    private static func dataTask(_ request: URLRequest, session: URLSession, backend: String) async throws -> Response {
        let box = DataTaskBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        let nsError = error as NSError
                        if nsError.code == NSURLErrorCancelled {
                            continuation.resume(throwing: CancellationError())
                        } else {
                            continuation.resume(
                                throwing: ComfyUIError.unreachable(
                                    backend: backend,
                                    reason: nsError.localizedDescription
                                )
                            )
                        }
                    } else {
                        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                        continuation.resume(returning: Response(status: status, body: data ?? Data()))
                    }
                }
                box.set(task)
                task.resume()
            }
        } onCancel: {
            box.cancel()
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Holds the data task so a cancelled call can cancel it from the cancellation handler's thread.
private final class DataTaskBox: @unchecked Sendable {
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
