/// Where a job tells its caller how far it got; the MCP layer turns these into `notifications/progress`.
package struct ProgressReporter: Sendable {
    /// One step: `progress` of `total` (when known) and a short message such as "step 7/20".
    package struct Event: Sendable, Equatable {
        package var progress: Double
        package var total: Double?
        package var message: String

        package init(progress: Double, total: Double?, message: String) {
            self.progress = progress
            self.total = total
            self.message = message
        }
    }

    private let sink: @Sendable (Event) async -> Void

    /// - Parameter sink: Receives progress events.
    package init(_ sink: @escaping @Sendable (Event) async -> Void) {
        self.sink = sink
    }

    /// A reporter that drops every event.
    package static let none = ProgressReporter { _ in }

    package func report(_ progress: Double, of total: Double?, _ message: String) async {
        await sink(Event(progress: progress, total: total, message: message))
    }
}
