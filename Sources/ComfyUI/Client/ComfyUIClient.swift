import Foundation
import Logging

/// A client for one ComfyUI server: its HTTP endpoints and its event socket.
///
/// Knows nothing about sprites: it submits API-format graphs, follows them to the end, and fetches their images.
/// See `ComfyUIClient+Run.swift` for the submit → follow → fetch flow.
package struct ComfyUIClient: Sendable {
    /// Timeouts, retries and polling.
    package struct Options: Sendable, Equatable {
        /// Each HTTP request must be answered within this.
        package var requestTimeout: Duration = .seconds(30)
        /// Opening the event socket must finish within this.
        package var connectTimeout: Duration = .seconds(5)
        /// Connect errors and 5xx answers are retried this way.
        package var retry = RetryPolicy()
        /// While the socket is down, `/history` is polled this often so a finished prompt is still collected.
        package var pollInterval: Duration = .milliseconds(500)
        /// While the socket is up, `/history` is still checked this often, in case an event was lost.
        package var safetyPollInterval: Duration = .seconds(15)
        /// A prompt still unfinished after this is interrupted and reported as timed out (nil: no limit).
        package var promptTimeout: Duration? = .seconds(1800)
        /// The largest HTTP answer taken from the server (an image, `/object_info`, `/queue`), in bytes.
        package var maxResponseBytes = 64 * 1024 * 1024

        package init() {}
    }

    /// The server as messages name it, `http://host:port`.
    package var backend: String { http.backend }
    /// The `client_id` this client submits with; its socket receives the prompts' events.
    package let clientID: String
    package let options: Options
    let http: HTTPChannel
    let hub: EventHub
    /// The clock of the prompt deadline, history polls and queue checks.
    let timeline: any Timeline
    let logger: Logger

    package init(
        baseURL: URL,
        clientID: String = "dgx-pixels-" + UUID().uuidString.lowercased(),
        options: Options = Options(),
        connector: any WebSocketConnector,
        timeline: any Timeline = SystemTimeline(),
        logger: Logger = Logger(label: "dgx-pixels.comfyui")
    ) {
        self.clientID = clientID
        self.options = options
        self.timeline = timeline
        self.logger = logger
        http = HTTPChannel(
            baseURL: baseURL,
            timeout: options.requestTimeout,
            retry: options.retry,
            maxResponseBytes: options.maxResponseBytes,
            logger: logger
        )
        var socketURL = URLComponents(url: baseURL.appendingPathComponent("ws"), resolvingAgainstBaseURL: false)
        socketURL?.scheme = baseURL.scheme == "https" ? "wss" : "ws"
        socketURL?.queryItems = [URLQueryItem(name: "clientId", value: clientID)]
        hub = EventHub(
            webSocketURL: socketURL?.url ?? baseURL,
            connector: connector,
            connectTimeout: options.connectTimeout,
            reconnect: RetryPolicy(attempts: .max, initialDelay: .milliseconds(100), maxDelay: .seconds(5)),
            logger: logger
        )
    }

    /// Closes the event socket; prompts already submitted keep running on the server.
    ///
    /// With `leavingPrompts`, prompts being followed are not taken off the server when their tasks are cancelled
    /// afterwards (a restart collects them); call this before cancelling them.
    package func shutdown(leavingPrompts: Bool = false) async {
        if leavingPrompts { await hub.leavePrompts() }
        await hub.shutdown()
    }

    // MARK: Endpoints

    /// `GET /system_stats`: versions and devices.
    package func systemStats() async throws -> SystemStats {
        SystemStats(json: try await http.getJSON("system_stats"))
    }

    /// `GET /queue`.
    package func queue() async throws -> QueueState {
        QueueState(json: try await http.getJSON("queue"))
    }

    /// `GET /history/{id}`: nil while the prompt is queued or running (or unknown).
    package func history(_ promptID: String) async throws -> HistoryEntry? {
        let json = try await http.getJSON("history/\(promptID)")
        guard let entry = json[promptID] else { return nil }
        guard let history = HistoryEntry(promptID: promptID, json: entry) else {
            throw ComfyUIError.badResponse(
                backend: backend,
                operation: "GET /history/\(promptID)",
                reason: "no status in the history entry"
            )
        }
        return history
    }

    /// `GET /view`: the bytes of one output image.
    package func view(_ image: OutputImage) async throws -> Data {
        try await http.get(
            "view",
            query: [
                URLQueryItem(name: "filename", value: image.filename),
                URLQueryItem(name: "subfolder", value: image.subfolder),
                URLQueryItem(name: "type", value: image.type),
            ]
        )
    }

    /// `GET /object_info/{class}` for each class, merged (`{}` for a class the server does not have).
    package func objectInfo(classes: [String]) async throws -> JSONValue {
        var merged: [String: JSONValue] = [:]
        for name in Set(classes).sorted() {
            let answer = try await http.getJSON("object_info/\(name)")
            for (key, value) in answer.objectValue ?? [:] { merged[key] = value }
        }
        return .object(merged)
    }

    /// `GET /object_info`: every node class (about 500 KB on a stock server).
    package func objectInfo() async throws -> JSONValue {
        try await http.getJSON("object_info")
    }

    /// The files installed in a model folder such as `checkpoints` or `loras` (`GET /models/{folder}`).
    package func models(_ folder: String) async throws -> [String] {
        (try await http.getJSON("models/\(folder)").arrayValue ?? []).compactMap(\.stringValue)
    }

    /// `POST /queue {"delete": [...]}`: removes pending prompts; a running one is left alone by ComfyUI.
    package func deleteFromQueue(_ promptIDs: [String]) async throws {
        let response = try await http.post(
            "queue",
            json: ["delete": .array(promptIDs.map(JSONValue.string))],
            retrying: true
        )
        guard response.status == 200 else { throw http.failure("POST /queue", response) }
    }

    /// `POST /interrupt {"prompt_id"}`: stops that prompt if it is the one running, and nothing else.
    package func interrupt(_ promptID: String) async throws {
        let response = try await http.post("interrupt", json: ["prompt_id": .string(promptID)], retrying: true)
        guard response.status == 200 else { throw http.failure("POST /interrupt", response) }
    }

    /// Takes a prompt off the server: dequeued if pending, interrupted if running; never touches other prompts.
    ///
    /// Both calls are made in this order so a prompt that starts between them is still stopped: the delete
    /// removes it while pending, and the targeted interrupt only acts on it if it is running.
    package func cancel(_ promptID: String) async throws {
        try await deleteFromQueue([promptID])
        try await interrupt(promptID)
    }
}
