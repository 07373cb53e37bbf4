/// Where a job's item was sent: enough to collect it after a restart.
package struct PromptHandle: Codable, Sendable, Hashable {
    package var backend: String
    package var promptID: String

    package init(backend: String, promptID: String) {
        self.backend = backend
        self.promptID = promptID
    }

    enum CodingKeys: String, CodingKey {
        case backend
        case promptID = "prompt_id"
    }
}
