import Foundation
import MCP
import Synchronization

@testable import PixelsMCP

/// A `MessageSink` that keeps every message, and lets a test wait for the response to a request.
final class RecordingSink: MessageSink {
    private let messages = Mutex<[(data: Data, route: OutboundRoute)]>([])

    func send(_ message: Data, _ route: OutboundRoute) {
        messages.withLock { $0.append((message, route)) }
    }

    var all: [(data: Data, route: OutboundRoute)] { messages.withLock { $0 } }

    /// Every message parsed as a JSON object.
    var objects: [[String: Any]] {
        all.compactMap { try? JSONSerialization.jsonObject(with: $0.data) as? [String: Any] }
    }

    /// The response to request `id` once it is sent (polls for up to `seconds`).
    func response(to id: ID, within seconds: Double = 30) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let found = all.first(where: { $0.route == .response(to: id) }),
                let object = try JSONSerialization.jsonObject(with: found.data) as? [String: Any]
            {
                return object
            }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw CancellationError()
    }
}
