import Foundation

/// One line of the job journal.
package struct JournalEntry: Codable, Sendable, Equatable {
    package enum Event: String, Codable, Sendable {
        /// A job was accepted, with every request (seeds fixed) and its deploy target, before any work started.
        case submitted
        /// A process took over an open job its owner left (killed, or stopped with `on_shutdown: leave`).
        case resumed
        /// An item's prompt was handed to a ComfyUI backend.
        case prompt
        /// An item's sprite was saved.
        case finished
        case failed
        case cancelled
        /// The job ended and its record is in `job.json`; replay leaves it alone and compaction drops its lines.
        case closed
    }

    package var event: Event
    package var job: String
    package var at: String
    package var kind: String?
    package var requests: [SpriteRequest]?
    /// The Bevy project each sprite is deployed into as it is made (`deploy_to`).
    package var deployTo: String?
    package var item: Int?
    package var prompt: PromptHandle?
    package var sprite: SpriteResult?
    package var error: String?
    package var status: String?
    /// The process that owns the job from this entry on (`submitted`, `resumed`): a restart takes over only jobs
    /// whose owner is gone.
    package var pid: Int32?
    /// When that process started, so a pid the system handed to another process is not taken for the owner.
    package var pidStarted: UInt64?

    package init(_ event: Event, job: String, at date: Date = Date()) {
        self.event = event
        self.job = job
        at = JobRecord.timestamp(date)
    }

    enum CodingKeys: String, CodingKey {
        case event, job, at, kind, requests, item, prompt, sprite, error, status, pid
        case deployTo = "deploy_to"
        case pidStarted = "pid_started"
    }

    /// The owner this entry names, if it names one.
    package var owner: ProcessIdentity? {
        pid.map { ProcessIdentity(pid: $0, started: pidStarted) }
    }

    /// Names `identity` as the job's owner.
    mutating func own(by identity: ProcessIdentity) {
        pid = identity.pid
        pidStarted = identity.started
    }
}
