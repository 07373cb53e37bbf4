import Foundation

/// Sends one HTTP POST to a running game; the seam tests replace with a fake.
package protocol RemoteTransport: Sendable {
    /// Posts `body` as JSON to `url` and returns the response body, throwing on any transport failure or timeout.
    func post(_ body: Data, to url: URL, timeout: Duration) async throws -> RemoteResponse
}

/// What a game answered: the HTTP status and the body.
package struct RemoteResponse: Sendable, Equatable {
    package var status: Int
    package var body: Data

    package init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}
