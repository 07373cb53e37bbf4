import Foundation
import Logging

extension ComfyUIClient {
    /// Follows `promptID` from its signals until it succeeds, fails, is interrupted or is lost.
    func follow(
        _ promptID: String,
        signals: AsyncStream<FollowSignal>,
        continuation: AsyncStream<FollowSignal>.Continuation,
        expectingEvents: Bool = true,
        onUpdate: @escaping @Sendable (PromptUpdate) async -> Void
    ) async throws -> PromptResult {
        let interval = options.pollInterval
        let timeline = self.timeline
        let ticker = Task {
            while !Task.isCancelled {
                try? await timeline.sleep(for: interval)
                continuation.yield(.tick)
            }
        }
        var follower = PromptFollower(
            client: self,
            promptID: promptID,
            expectingEvents: expectingEvents,
            onUpdate: onUpdate
        )
        defer {
            ticker.cancel()
            follower.cancelDownloads()
        }
        do {
            for await signal in signals {
                if let result = try await follower.handle(signal) { return result }
            }
        } catch {
            guard error is CancellationError, Task.isCancelled else { throw error }
        }
        // The stream ends when the calling task is cancelled (or the client shuts down).
        await withdrawAfterCancellation(promptID)
        throw CancellationError()
    }

    /// Takes a cancelled caller's prompt off the server (unless the hub leaves prompts running for a restart to
    /// collect), in a task of its own so the cancellation does not stop the cleanup itself.
    func withdrawAfterCancellation(_ promptID: String) async {
        guard await !hub.leavesPrompts else { return }
        let client = self
        await Task {
            do {
                try await client.cancel(promptID)
            } catch {
                client.logger.warning(
                    "could not cancel the prompt on ComfyUI",
                    metadata: ["comfyui.prompt_id": "\(promptID)", "error": "\(error)"]
                )
            }
        }.value
    }
}

/// The state of one followed prompt: what has been seen, what is being downloaded, when to poll.
struct PromptFollower {
    let client: ComfyUIClient
    let promptID: String
    let onUpdate: @Sendable (PromptUpdate) async -> Void
    private var clock: any Timeline { client.timeline }
    private var started = false
    private var connected = true
    private var cachedNodes: Set<String> = []
    private var executedNodes = 0
    private var images: [OutputImage] = []
    private var downloads: [OutputImage: Task<Data, any Error>] = [:]
    private var lastPoll: ContinuousClock.Instant
    private var lastPosition: Int?
    private var lastQueueCheck: ContinuousClock.Instant
    private let submittedAt: ContinuousClock.Instant
    private var askedQueue = false
    private var failedPolls = 0
    private let deadline: ContinuousClock.Instant?
    /// False for a prompt another client id submitted: its events go to that id's socket, so only polling sees it.
    private let expectingEvents: Bool

    init(
        client: ComfyUIClient,
        promptID: String,
        expectingEvents: Bool,
        onUpdate: @escaping @Sendable (PromptUpdate) async -> Void
    ) {
        self.client = client
        self.promptID = promptID
        self.expectingEvents = expectingEvents
        self.onUpdate = onUpdate
        let now = client.timeline.now
        lastPoll = now
        lastQueueCheck = now
        submittedAt = now
        deadline = client.options.promptTimeout.map { client.timeline.now + $0 }
    }

    /// Handles one signal; returns the result once the prompt is done.
    mutating func handle(_ signal: FollowSignal) async throws -> PromptResult? {
        switch signal {
        case .event(let event):
            return try await handle(event)
        case .queueChanged:
            // Every queue change is broadcast to every client; asking /queue (whose answer carries every queued
            // graph) on each one would cost more than the position is worth, so at most once a second.
            if !started, askedQueue, clock.now - lastQueueCheck >= .seconds(1) { await reportQueuePosition() }
        case .disconnected:
            connected = false
        case .reconnected:
            connected = true
            return try await pollHistory()
        case .tick:
            if let deadline, clock.now >= deadline {
                try? await client.cancel(promptID)
                throw ComfyUIError.timedOut(
                    backend: client.backend,
                    operation: "prompt \(promptID)",
                    seconds: HTTPChannel.seconds(client.options.promptTimeout ?? .zero)
                )
            }
            // A prompt that has not started a moment after submission is waiting in ComfyUI's queue: say where.
            if !started, !askedQueue, clock.now - submittedAt >= .milliseconds(250) { await reportQueuePosition() }
            let due = connected && expectingEvents ? client.options.safetyPollInterval : client.options.pollInterval
            if clock.now - lastPoll >= due { return try await pollHistory() }
        }
        return nil
    }

    private mutating func handle(_ event: ComfyEvent) async throws -> PromptResult? {
        switch event {
        case .executionStart:
            if !started {
                started = true
                await onUpdate(.started)
            }
        case .executionCached(_, let nodes):
            cachedNodes = Set(nodes)
        case .executing(_, let node?):
            if !started {
                started = true
                await onUpdate(.started)
            }
            await onUpdate(.node(node))
        case .executing(_, nil):
            // The legacy end signal follows every outcome; if the specific one was missed, history knows.
            return try await pollHistory(finalCheck: true)
        case .progress(_, _, let value, let max):
            await onUpdate(.step(value, of: max))
        case .executed(_, let node, let outputs):
            if !cachedNodes.contains(node) { executedNodes += 1 }
            for image in outputs where downloads[image] == nil {
                images.append(image)
                downloads[image] = Task { [client] in try await client.view(image) }
            }
        case .executionSuccess:
            return try await finish(completedAt: clock.now)
        case .executionError(_, let nodeID, let nodeType, let message):
            throw ComfyUIError.executionFailed(
                backend: client.backend,
                promptID: promptID,
                nodeID: nodeID,
                nodeType: nodeType,
                message: message
            )
        case .executionInterrupted:
            throw ComfyUIError.interrupted(backend: client.backend, promptID: promptID)
        case .preview(_, let type, let data):
            await onUpdate(.preview(imageType: type, data: data))
        case .status, .other:
            break
        }
        return nil
    }

    /// Reports the prompt's place in the queue when it changed.
    mutating func reportQueuePosition() async {
        lastQueueCheck = clock.now
        askedQueue = true
        guard let queue = try? await client.queue(), let position = queue.position(of: promptID) else { return }
        if position == 0 {
            if !started {
                started = true
                await onUpdate(.started)
            }
        } else if position != lastPosition {
            lastPosition = position
            await onUpdate(.queued(position: position))
        }
    }

    /// Asks `/history` whether the prompt ended; while the socket is down this is how completion is seen.
    ///
    /// A server that stays unreachable for ten polls in a row is given up on, so the caller can resubmit the
    /// prompt elsewhere.
    private mutating func pollHistory(finalCheck: Bool = false) async throws -> PromptResult? {
        lastPoll = clock.now
        let entry: HistoryEntry?
        do {
            entry = try await client.history(promptID)
            failedPolls = 0
        } catch let error as ComfyUIError where error.isBackendFault && !finalCheck {
            failedPolls += 1
            if failedPolls >= 10 { throw error }
            return nil
        }
        guard let entry else {
            if !connected || !expectingEvents || finalCheck, try await isLost() {
                throw ComfyUIError.lost(backend: client.backend, promptID: promptID)
            }
            return nil
        }
        switch entry.outcome {
        case .success:
            for image in entry.images where downloads[image] == nil {
                images.append(image)
                downloads[image] = Task { [client] in try await client.view(image) }
            }
            return try await finish(completedAt: clock.now)
        case .failed(let nodeID, let nodeType, let message):
            throw ComfyUIError.executionFailed(
                backend: client.backend,
                promptID: promptID,
                nodeID: nodeID,
                nodeType: nodeType,
                message: message
            )
        case .interrupted:
            throw ComfyUIError.interrupted(backend: client.backend, promptID: promptID)
        case .unknownError:
            throw ComfyUIError.executionFailed(
                backend: client.backend,
                promptID: promptID,
                nodeID: "?",
                nodeType: "?",
                message: "ComfyUI reports an error without details"
            )
        }
    }

    /// Neither queued nor in the history, checked twice so a prompt finishing between the two calls is not lost.
    private func isLost() async throws -> Bool {
        guard try await client.queue().position(of: promptID) == nil else { return false }
        return try await client.history(promptID) == nil
    }

    /// Waits for the downloads of every output image.
    private mutating func finish(completedAt: ContinuousClock.Instant) async throws -> PromptResult {
        if images.isEmpty, let entry = try await client.history(promptID) {
            for image in entry.images where downloads[image] == nil {
                images.append(image)
                downloads[image] = Task { [client] in try await client.view(image) }
            }
        }
        guard !images.isEmpty else { throw ComfyUIError.noImages(backend: client.backend, promptID: promptID) }
        await onUpdate(.fetching)
        var fetched: [PromptResult.Image] = []
        for image in images {
            guard let download = downloads[image] else { continue }
            fetched.append(PromptResult.Image(output: image, data: try await download.value))
        }
        return PromptResult(
            promptID: promptID,
            backend: client.backend,
            images: fetched,
            fullyCached: executedNodes == 0 && !cachedNodes.isEmpty,
            completedAt: completedAt
        )
    }

    func cancelDownloads() {
        for download in downloads.values { download.cancel() }
    }
}
