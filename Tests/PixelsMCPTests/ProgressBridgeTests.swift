import MCP
import SpriteEngine
import Synchronization
import Testing

@testable import PixelsMCP

@Suite("Progress bridge")
struct ProgressBridgeTests {
    @Test("Reports from many concurrent tasks go out strictly increasing, lower ones dropped")
    func strictlyIncreasingUnderConcurrency() async {
        let sent = Mutex<[Double]>([])
        let reporter = ProgressBridge.reporter(for: .string("batch")) { parameters in
            sent.withLock { $0.append(parameters.progress) }
        }
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for step in 0..<200 { await reporter.report(Double(step * 8 + worker) / 100, of: 16, "step") }
                }
            }
        }
        let values = sent.withLock { $0 }
        #expect(!values.isEmpty)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 }, "\(values)")
        #expect(values.last == Double(199 * 8 + 7) / 100)
    }

    @Test("No token, no notifications")
    func noToken() async {
        let sent = Mutex(0)
        let reporter = ProgressBridge.reporter(for: nil) { _ in sent.withLock { $0 += 1 } }
        await reporter.report(1, of: 2, "half")
        #expect(sent.withLock { $0 } == 0)
    }
}
