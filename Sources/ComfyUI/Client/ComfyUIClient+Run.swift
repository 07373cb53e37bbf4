import Foundation

extension ComfyUIClient {
    /// Submits `graph`, follows it to the end and downloads its images.
    ///
    /// Events come from the shared socket; while it is down, `/history` is polled, so a dropped socket never
    /// loses a finished image. Cancelling the calling task takes the prompt off the server (dequeued if pending,
    /// interrupted if running; never anyone else's prompt) and throws `CancellationError`.
    ///
    /// - Parameters:
    ///   - graph: The API-format workflow.
    ///   - promptID: Sent as ComfyUI's `prompt_id`, so the caller knows it before submitting (and can journal it);
    ///     a fresh UUID by default.
    ///   - onUpdate: Called with the prompt's progress.
    /// - Returns: The finished prompt with its images downloaded.
    /// - Throws: `ComfyUIError`, or `CancellationError` when cancelled.
    package func run(
        _ graph: JSONValue,
        promptID: String = UUID().uuidString.lowercased(),
        onUpdate: @escaping @Sendable (PromptUpdate) async -> Void = { _ in }
    ) async throws -> PromptResult {
        let (signals, continuation) = await hub.follow(promptID)
        do {
            // A server without a socket can still be followed by polling; the submit says if it is down.
            try? await hub.connect()
            if await !hub.connected { continuation.yield(.disconnected) }
            do {
                try await submit(graph, promptID: promptID)
            } catch {
                // Cancelled while the POST was in flight: ComfyUI may have queued the prompt all the same, and
                // only we know its id, so withdraw it (harmless when it never arrived).
                if error is CancellationError || Task.isCancelled { await withdrawAfterCancellation(promptID) }
                throw error
            }
            let result = try await follow(promptID, signals: signals, continuation: continuation, onUpdate: onUpdate)
            await hub.unfollow(promptID)
            return result
        } catch {
            await hub.unfollow(promptID)
            throw error
        }
    }

    /// Follows a prompt submitted earlier (by a previous run of the server, say) and downloads its images.
    ///
    /// - Parameters:
    ///   - promptID: The prompt's id.
    ///   - expectingEvents: False when another client id submitted it (its events go to that id's socket), so
    ///     `/history` is polled every `pollInterval` instead.
    ///   - onUpdate: Called with the prompt's progress.
    /// - Returns: The finished prompt with its images downloaded.
    /// - Throws: `ComfyUIError` (`.lost` when the server no longer knows the prompt), or `CancellationError`.
    package func collect(
        _ promptID: String,
        expectingEvents: Bool = true,
        onUpdate: @escaping @Sendable (PromptUpdate) async -> Void = { _ in }
    ) async throws -> PromptResult {
        let (signals, continuation) = await hub.follow(promptID)
        do {
            try? await hub.connect()
            continuation.yield(await hub.connected ? .reconnected : .disconnected)
            let result = try await follow(
                promptID,
                signals: signals,
                continuation: continuation,
                expectingEvents: expectingEvents,
                onUpdate: onUpdate
            )
            await hub.unfollow(promptID)
            return result
        } catch {
            await hub.unfollow(promptID)
            throw error
        }
    }

    /// Sends `POST /prompt`, retrying connect errors and 5xx answers.
    ///
    /// A 400 answer becomes `.rejected` with ComfyUI's reasons.
    /// - Parameters:
    ///   - graph: The API-format workflow.
    ///   - promptID: The `prompt_id` to submit it under.
    /// - Returns: ComfyUI's queue number for the prompt.
    /// - Throws: `ComfyUIError`.
    @discardableResult
    package func submit(_ graph: JSONValue, promptID: String) async throws -> Double {
        let body: JSONValue = ["prompt": graph, "client_id": .string(clientID), "prompt_id": .string(promptID)]
        var attempt = 1
        while true {
            let response: HTTPChannel.Response
            do {
                response = try await http.post("prompt", json: body, retrying: false)
            } catch let error as ComfyUIError {
                // The request may have arrived before the connection broke: never queue the same prompt twice.
                if case .timedOut = error, try await isKnown(promptID) { return -1 }
                guard error.isBackendFault, attempt < options.retry.attempts else { throw error }
                try await Task.sleep(for: options.retry.delay(beforeRetry: attempt))
                attempt += 1
                continue
            }
            switch response.status {
            case 200:
                let json = try? JSONValue(parsing: response.body)
                logger.debug("prompt queued", metadata: ["comfyui.prompt_id": "\(promptID)"])
                return json?["number"]?.doubleValue ?? -1
            case 400..<500:
                let json = try? JSONValue(parsing: response.body)
                let rejection =
                    json.flatMap(PromptRejection.init(json:))
                    ?? PromptRejection(
                        type: "http_\(response.status)",
                        message: String(decoding: response.body, as: UTF8.self)
                    )
                throw ComfyUIError.rejected(backend: backend, rejection)
            default:
                guard response.status >= 500, attempt < options.retry.attempts else {
                    throw http.failure("POST /prompt", response)
                }
                try await Task.sleep(for: options.retry.delay(beforeRetry: attempt))
                attempt += 1
            }
        }
    }

    /// Whether the server has the prompt queued, running or in its history.
    private func isKnown(_ promptID: String) async throws -> Bool {
        if try await queue().position(of: promptID) != nil { return true }
        return try await history(promptID) != nil
    }
}
