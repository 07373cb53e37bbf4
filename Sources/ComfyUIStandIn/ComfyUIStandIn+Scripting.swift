import Foundation

extension ComfyUIStandIn {
    /// The behaviour of prompts that no `enqueue` or `onPrompt` script claims.
    package func setDefaultBehaviour(_ behaviour: Behaviour) {
        core.withState { $0.defaultBehaviour = behaviour }
    }

    /// The next accepted prompt takes this behaviour (FIFO, one per prompt), unless an `onPrompt` marker matches.
    package func enqueue(_ behaviour: Behaviour) {
        core.withState { $0.scriptedBehaviours.append(behaviour) }
    }

    /// Every accepted prompt whose JSON text contains `marker` takes this behaviour (first matching rule wins, and
    /// marker rules win over `enqueue`).
    package func onPrompt(containing marker: String, _ behaviour: Behaviour) {
        core.withState { $0.markerBehaviours.append((marker, behaviour)) }
    }

    /// Makes the next `count` requests to `path` fail with `status`.
    ///
    /// Paths are like "/prompt", "/view" or "/history" (which also covers "/history/{id}"), with or without "/api".
    /// A faulted request answers `status` (500 with aiohttp's text body) without doing the work. `method` limits
    /// the fault to one HTTP method ("GET", "POST").
    package func failNextRequests(path: String, count: Int, status: Int = 500, method: String? = nil) {
        core.withState {
            $0.faults.append(HTTPFault(path: Self.normalise(path), method: method, remaining: count, status: status))
        }
    }

    /// Delays the answers to `path` by `delay`; the request's work (queueing a prompt, deleting) happens on arrival.
    ///
    /// The latest setting for a path wins; `.zero` turns it off.
    package func setResponseDelay(path: String, _ delay: Duration) {
        core.withState { state in
            let path = Self.normalise(path)
            state.delays.removeAll { $0.path == path }
            if delay > .zero { state.delays.append((path, delay)) }
        }
    }

    /// Closes every WebSocket at once, as a network drop would (no close frame).
    package func dropAllSockets() {
        let channels = core.withState { $0.sockets.values.map(\.channel) }
        for channel in channels { channel.close(mode: .all, promise: nil) }
    }

    /// The model files `/object_info`, `/models/checkpoints`, `/models/loras` and validation see.
    package func setInstalled(checkpoints: [String], loras: [String]) {
        core.withState { state in
            state.checkpoints = checkpoints
            state.loras = loras
        }
    }

    private static func normalise(_ path: String) -> String {
        let withSlash = path.hasPrefix("/") ? path : "/" + path
        return withSlash.hasPrefix("/api/") ? String(withSlash.dropFirst(4)) : withSlash
    }
}

extension ComfyUIStandIn {
    /// Prompts accepted by `POST /prompt`, in order (rejected ones are not listed).
    package var submittedPrompts: [SubmittedPrompt] { core.withState { $0.submittedPrompts } }

    /// The `prompt_id` of every `POST /interrupt`, nil for a global interrupt.
    package var interruptRequests: [String?] { core.withState { $0.interruptRequests } }

    /// The id lists of every `POST /queue {"delete": [...]}`.
    package var deleteRequests: [[String]] { core.withState { $0.deleteRequests } }

    /// Prompts that ran to success and produced new images (fully cached re-runs and failures do not count).
    package var executedCount: Int { core.withState { $0.executedCount } }

    /// When `execution_success` was sent for `promptID`, on this process's continuous clock.
    package func successInstant(of promptID: String) -> ContinuousClock.Instant? {
        core.withState { $0.successInstants[promptID] }
    }

    /// Every prompt's queued / started / ended instants, in submission order.
    package var timeline: [PromptTimes] { core.withState { $0.timeline } }

    /// How many requests reached `path` (without "/api"; "/history" also counts "/history/{id}").
    package func requestCount(path: String) -> Int {
        let scripted = Self.normaliseForCount(path)
        return core.withState { state in
            state.requestCounts.reduce(0) { total, entry in
                total + (ComfyUIStandIn.matches(entry.key, scripted) ? entry.value : 0)
            }
        }
    }

    /// The number of connected WebSockets.
    package var connectedSocketCount: Int { core.withState { $0.sockets.count } }

    /// Ids of the prompts waiting in the queue, in run order.
    package var pendingPromptIDs: [String] {
        core.withState { state in
            state.pending.sorted { ($0.priority, $0.sequence) < ($1.priority, $1.sequence) }.map(\.id)
        }
    }

    /// The id of the prompt running now.
    package var runningPromptID: String? { core.withState { $0.running?.id } }

    private static func normaliseForCount(_ path: String) -> String {
        let withSlash = path.hasPrefix("/") ? path : "/" + path
        return withSlash.hasPrefix("/api/") ? String(withSlash.dropFirst(4)) : withSlash
    }

    private static func matches(_ requestPath: String, _ scripted: String) -> Bool {
        path(requestPath, matches: scripted)
    }
}
