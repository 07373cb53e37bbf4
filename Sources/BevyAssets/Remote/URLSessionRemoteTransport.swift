import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `RemoteTransport` over URLSession, with a fresh ephemeral session per call so no connection outlives it.
package struct URLSessionRemoteTransport: RemoteTransport {
    package init() {}

    package func post(_ body: Data, to url: URL, timeout: Duration) async throws -> RemoteResponse {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url, timeoutInterval: seconds)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        return try await withCheckedThrowingContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                    continuation.resume(returning: RemoteResponse(status: status, body: data ?? Data()))
                }
            }
            task.resume()
        }
    }
}
