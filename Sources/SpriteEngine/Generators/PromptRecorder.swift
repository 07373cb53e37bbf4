/// Told where an item's prompt is about to be sent, before it is sent, so the job journals it first: a server
/// killed while the prompt runs then collects the image after its restart instead of painting it again.
package struct PromptRecorder: Sendable {
    private let record: @Sendable (PromptHandle) async -> Void

    package init(_ record: @escaping @Sendable (PromptHandle) async -> Void) {
        self.record = record
    }

    /// A recorder that keeps nothing (one-off calls outside a job).
    package static let none = PromptRecorder { _ in }

    /// Records that the prompt `handle` names is about to be sent.
    package func willSend(_ handle: PromptHandle) async {
        await record(handle)
    }
}
