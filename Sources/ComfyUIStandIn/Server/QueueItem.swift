import Foundation

/// One accepted prompt, as ComfyUI's queue holds it: `[number, prompt_id, prompt, extra_data, outputs_to_execute]`.
struct QueueItem: Sendable {
    /// The number as answered and shown in `/queue` (an int from the counter, or the client's `number` verbatim).
    let number: StandInJSON
    /// Order in the queue: lower runs first (`front: true` gives a negative number).
    let priority: Double
    /// Tie-breaker: submission order.
    let sequence: Int
    let id: String
    let graph: JSONObject
    let extraData: StandInJSON
    let outputs: [String]
    let behaviour: Behaviour

    /// The socket that gets this prompt's events; nil broadcasts them (ComfyUI's behaviour without `client_id`).
    var clientID: String? { extraData["client_id"]?.stringValue }

    /// The queue tuple of `/queue` and `/history`.
    var tuple: StandInJSON { [number, .string(id), .object(graph), extraData, .strings(outputs)] }

    /// The graph in canonical form: an identical graph is served from the cache.
    var cacheKey: String { StandInJSON.object(graph).canonicalText }
}

/// A prompt the stand-in accepted, for tests to inspect.
package struct SubmittedPrompt: Sendable {
    package let id: String
    /// The queue number (negative for `front: true`).
    package let number: Double
    package let clientID: String?
    /// The API-format graph as submitted.
    package let graph: StandInJSON

    /// The graph as JSON bytes.
    package var graphJSON: Data { graph.data }
}

/// A finished prompt as `/history` shows it.
struct HistoryEntry: Sendable {
    let item: QueueItem
    let outputs: JSONObject
    let succeeded: Bool
    let messages: [StandInJSON]
    let meta: JSONObject

    var json: StandInJSON {
        [
            "prompt": item.tuple,
            "outputs": .object(outputs),
            "status": [
                "status_str": succeeded ? "success" : "error",
                "completed": .bool(succeeded),
                "messages": .array(messages),
            ],
            "meta": .object(meta),
        ]
    }
}

/// A scripted HTTP failure: the next `remaining` requests to `path` answer `status` without doing the work.
struct HTTPFault: Sendable {
    let path: String
    let method: String?
    var remaining: Int
    let status: Int
}

/// Whether a normalised request path falls under a scripted path (`/history` covers `/history/{id}`).
func path(_ requestPath: String, matches scripted: String) -> Bool {
    requestPath == scripted || requestPath.hasPrefix(scripted.hasSuffix("/") ? scripted : scripted + "/")
}

/// When one prompt was queued, started and ended on the stand-in's continuous clock (nil: not yet).
package struct PromptTimes: Sendable {
    package let id: String
    package let queued: ContinuousClock.Instant
    package var started: ContinuousClock.Instant?
    package var ended: ContinuousClock.Instant?
}
