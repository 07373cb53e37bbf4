import Foundation

/// Runs blocking work (pipe reads, waiting for a child process) on its own thread.
///
/// Swift Testing runs tests on the cooperative thread pool, which has one thread per core: a test that blocks one
/// of them on a child process would starve every other test on a 2-core machine.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try work() })
        }
    }
}

extension Process {
    /// Waits for exit at most `seconds`; kills the process and returns false when it does not exit in time.
    func waitForExit(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning, Date() < deadline { usleep(10_000) }
        if isRunning {
            kill(processIdentifier, SIGKILL)
            waitUntilExit()
            return false
        }
        return true
    }
}
