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
    /// The largest answer taken, in bytes; a longer one is cut off as it arrives.
    let maxResponseBytes: Int
    let loader: BoundedDataLoader
    let logger: Logger

    init(baseURL: URL, timeout: Duration, retry: RetryPolicy, maxResponseBytes: Int, logger: Logger) {
        self.baseURL = baseURL
        self.timeout = timeout
        self.retry = retry
        self.maxResponseBytes = maxResponseBytes
        self.logger = logger
        let configuration = URLSessionConfiguration.ephemeral
        let seconds = Self.seconds(timeout).rounded(.up) + 1
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        configuration.httpMaximumConnectionsPerHost = 8
        loader = BoundedDataLoader(configuration: configuration)
    }

    /// The server as messages name it: `http://host:port`.
    var backend: String {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// `GET path?query`: retried (GET is safe), 200 expected.
    func get(_ path: String, query: [URLQueryItem] = []) async throws -> Data {
        let response = try await send("GET", path, query: query, body: nil, contentType: nil, retrying: true)
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
        try await post(path, body: json.encoded(), contentType: "application/json", retrying: retrying)
    }

    /// `POST path` with any body; returns whatever status came back.
    func post(_ path: String, body: Data, contentType: String, retrying: Bool) async throws -> Response {
        try await send("POST", path, query: [], body: body, contentType: contentType, retrying: retrying)
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
        contentType: String?,
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
            request.setValue(contentType ?? "application/octet-stream", forHTTPHeaderField: "Content-Type")
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

    /// One attempt, bounded by `timeout` and `maxResponseBytes`.
    private func perform(_ request: URLRequest, operation: String) async throws -> Response {
        do {
            let (status, body) = try await loader.load(request, limit: maxResponseBytes, timeout: timeout)
            return Response(status: status, body: body)
        } catch let failure as BoundedDataLoader.Failure {
            switch failure {
            case .tooLarge(let limit):
                throw ComfyUIError.responseTooLarge(backend: backend, operation: operation, limit: limit)
            case .timedOut:
                throw ComfyUIError.timedOut(backend: backend, operation: operation, seconds: Self.seconds(timeout))
            case .transport(let reason):
                throw ComfyUIError.unreachable(backend: backend, reason: reason)
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
