import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A process as the journal names a job's owner: its pid and, where the system tells, when it started, so a pid
/// reused by an unrelated process is not mistaken for the owner.
package struct ProcessIdentity: Sendable, Equatable {
    package var pid: Int32
    /// Clock ticks after boot when the process started (Linux `/proc/<pid>/stat`, field 22); nil elsewhere.
    package var started: UInt64?

    package init(pid: Int32, started: UInt64?) {
        self.pid = pid
        self.started = started
    }

    /// This process.
    package static let current = ProcessIdentity(
        pid: ProcessInfo.processInfo.processIdentifier,
        started: startTicks(of: ProcessInfo.processInfo.processIdentifier)
    )

    /// Whether this process still runs (and is the same process, where start times are known).
    package var isAlive: Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let started, let now = Self.startTicks(of: pid) else { return true }
        return started == now
    }

    /// Field 22 of `/proc/<pid>/stat`; the command name (field 2) may hold spaces, so fields count from its `)`.
    static func startTicks(of pid: Int32) -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After ")" come field 3 (state) onwards, so field 22 is at index 19.
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }
}
