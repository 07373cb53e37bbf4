import Foundation
import Testing

@testable import SpriteEngine

@Suite("firstOf: the first to finish wins, the rest are cancelled")
struct FirstOfTests {
    @Test("An operation that finishes before the timeout wins; one that does not loses to it")
    func timeout() async {
        let clock = ContinuousClock()
        var start = clock.now
        #expect(await firstOf([{ try? await Task.sleep(for: .milliseconds(50)) }], timeout: .seconds(120)) == 0)
        #expect(clock.now - start < .seconds(100))
        start = clock.now
        #expect(await firstOf([{ try? await Task.sleep(for: .seconds(300)) }], timeout: .milliseconds(100)) == 1)
        #expect(clock.now - start < .seconds(100))
        #expect(await firstOf([], timeout: .zero) == 0)
    }

    @Test("The losing operations' tasks are cancelled")
    func losersCancelled() async throws {
        let flag = CancelFlag()
        let winner = await firstOf([
            { try? await Task.sleep(for: .milliseconds(20)) },
            {
                try? await Task.sleep(for: .seconds(30))
                await flag.set(Task.isCancelled)
            },
        ])
        #expect(winner == 0)
        let deadline = ContinuousClock.now + .seconds(10)
        while await !flag.value, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await flag.value)
    }
}

actor CancelFlag {
    var value = false
    func set(_ newValue: Bool) { value = newValue }
}
