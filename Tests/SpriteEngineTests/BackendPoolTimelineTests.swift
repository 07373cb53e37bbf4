import ComfyUI
import Foundation
import Logging
import TestSupport
import Testing

@testable import SpriteEngine

@Suite("Backend backoff on an injected clock")
struct BackendPoolTimelineTests {
    @Test("A failed backend is skipped for its backoff, doubling per failure, and taken again once it passes")
    func backoff() async throws {
        let timeline = ManualTimeline()
        let client = ComfyUIClient(
            baseURL: try #require(URL(string: "http://127.0.0.1:9")),
            connector: NIOWebSocketConnector()
        )
        let pool = BackendPool(
            clients: [(client, 1)],
            overQueue: 0,
            backoff: .seconds(10),
            timeline: timeline,
            logger: Logger(label: "test")
        )
        let failure = ComfyUIError.unreachable(backend: client.backend, reason: "refused")
        var lease = try await pool.acquire(checkpoint: nil)
        // Two failures in a row: skipped 10 s, then 20 s.
        for backoff in [10, 20] {
            await pool.release(lease, failure: failure)
            let waiting = Task { try await pool.acquire(checkpoint: nil) }
            while timeline.sleeperCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
            timeline.advance(by: .seconds(backoff - 1))
            try await Task.sleep(for: .milliseconds(50))
            #expect(timeline.sleeperCount == 1, "taken before its \(backoff) s backoff passed")
            timeline.advance(by: .seconds(1))
            lease = try await waiting.value
        }
        await pool.release(lease)
        #expect(await pool.statuses.first?.healthy == true)
    }
}
