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
    private let onSubmitted: @Sendable (PromptHandle) async -> Void

    /// - Parameters:
    ///   - sink: Receives progress events.
    ///   - submitted: Told where an item's prompt was sent, before it is sent (the engine journals it).
    package init(
        _ sink: @escaping @Sendable (Event) async -> Void,
        submitted: @escaping @Sendable (PromptHandle) async -> Void = { _ in }
    ) {
        self.sink = sink
        onSubmitted = submitted
    }

    /// Tells the job where an item's prompt is about to be sent.
    package func submitted(_ handle: PromptHandle) async {
        await onSubmitted(handle)
    }

    /// A reporter that drops every event.
    package static let none = ProgressReporter { _ in }

    package func report(_ progress: Double, of total: Double?, _ message: String) async {
        await sink(Event(progress: progress, total: total, message: message))
    }
}
