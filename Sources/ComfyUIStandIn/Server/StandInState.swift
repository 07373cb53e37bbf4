import Foundation
import NIOCore

/// Everything the stand-in remembers, guarded by one lock in `StandInCore`.
struct StandInState: Sendable {
    /// A connected WebSocket.
    struct Socket: Sendable {
        let channel: any Channel
        var supportsPreviewMetadata = false
    }

    // Queue and execution.
    var nextNumber = 0
    var nextSequence = 0
    var pending: [QueueItem] = []
    var running: QueueItem?
    var runningNode: String?
    var interruptRequested = false

    // Results.
    var history: [String: HistoryEntry] = [:]
    var historyOrder: [String] = []
    /// Image bytes by `type/subfolder/filename` (`fileKey`): outputs, previews and uploads.
    var files: [String: Data] = [:]
    /// Folders made by uploads, as `type/path` (`input/dgx/frames`); the top folders always exist.
    var folders: Set<String> = []
    var fileCounters: [String: Int] = [:]
    /// Outputs of graphs that ran successfully, by canonical graph text: re-running one is fully cached.
    var completedGraphs: [String: JSONObject] = [:]
    var paintedSprites: [String: Data] = [:]

    // Connections.
    var sockets: [String: Socket] = [:]
    var connections: [ObjectIdentifier: any Channel] = [:]
    var isShutDown = false

    // Models and scripting.
    var checkpoints: [String]
    var loras: [String]
    var defaultBehaviour: Behaviour
    var scriptedBehaviours: [Behaviour] = []
    var markerBehaviours: [(marker: String, behaviour: Behaviour)] = []
    var faults: [HTTPFault] = []
    var delays: [(path: String, delay: Duration)] = []

    // Observation.
    var submittedPrompts: [SubmittedPrompt] = []
    var interruptRequests: [String?] = []
    var deleteRequests: [[String]] = []
    var requestCounts: [String: Int] = [:]
    var executedCount = 0
    /// When `execution_success` was sent for each prompt (for latency benchmarks).
    var successInstants: [String: ContinuousClock.Instant] = [:]
    /// When each prompt was queued, started and ended (success or not), in submission order.
    var timeline: [PromptTimes] = []
    var timelineIndex: [String: Int] = [:]

    init(setup: ComfyUIStandIn.Setup) {
        checkpoints = setup.checkpoints
        loras = setup.loras
        defaultBehaviour = setup.defaultBehaviour
    }

    var queueRemaining: Int { pending.count + (running == nil ? 0 : 1) }

    var catalog: NodeCatalog { NodeCatalog(checkpoints: checkpoints, loras: loras, inputImages: inputImages) }

    /// The behaviour a newly accepted prompt gets: a matching marker, else the next scripted one, else the default.
    mutating func behaviour(forPromptText texts: [String]) -> Behaviour {
        if let match = markerBehaviours.first(where: { rule in texts.contains { $0.contains(rule.marker) } }) {
            return match.behaviour
        }
        if !scriptedBehaviours.isEmpty { return scriptedBehaviours.removeFirst() }
        return defaultBehaviour
    }

    /// Takes the next pending prompt (lowest number first) and marks it running.
    mutating func startNext() -> QueueItem? {
        guard running == nil, !isShutDown,
            let index = pending.indices.min(by: {
                (pending[$0].priority, pending[$0].sequence) < (pending[$1].priority, pending[$1].sequence)
            })
        else { return nil }
        let item = pending.remove(at: index)
        running = item
        runningNode = nil
        interruptRequested = false
        return item
    }

    mutating func record(_ entry: HistoryEntry) {
        let id = entry.item.id
        if history.updateValue(entry, forKey: id) != nil { historyOrder.removeAll { $0 == id } }
        historyOrder.append(id)
    }

    /// Consumes one scripted fault for this request, if any.
    mutating func takeFault(path requestPath: String, method: String) -> Int? {
        guard
            let index = faults.firstIndex(where: {
                $0.remaining > 0 && path(requestPath, matches: $0.path) && ($0.method.map { $0 == method } ?? true)
            })
        else { return nil }
        faults[index].remaining -= 1
        let status = faults[index].status
        if faults[index].remaining == 0 { faults.remove(at: index) }
        return status
    }
}
