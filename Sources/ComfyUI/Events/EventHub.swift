import Foundation
import Logging

/// What a prompt's follower hears: its events, the queue changing, and the socket going and coming back.
package enum FollowSignal: Sendable, Equatable {
    case event(ComfyEvent)
    /// A `status` broadcast: the queue changed, so a pending prompt's position may have too.
    case queueChanged(remaining: Int)
    /// The socket closed; events are being missed until `.reconnected`.
    case disconnected
    /// The socket is back; events sent meanwhile were missed, so the follower checks `/history`.
    case reconnected
    /// The follower's own timer (the hub never sends it): time to poll `/history` if the socket is down.
    case tick
}

/// The one WebSocket a client keeps to one ComfyUI server, shared by every prompt it submits.
///
/// ComfyUI sends a prompt's events only to the socket of the `client_id` that submitted it, so all prompts of a
/// client share this socket and the hub routes each event to its prompt's follower by `prompt_id`. When the socket
/// drops, the hub tells every follower, reconnects with backoff under the same client id, and tells them again.
package actor EventHub {
    private let url: URL
    private let connector: any WebSocketConnector
    private let connectTimeout: Duration
    private let reconnect: RetryPolicy
    private let logger: Logger
    private var followers: [String: AsyncStream<FollowSignal>.Continuation] = [:]
    private var connection: (any WebSocketConnection)?
    private var reader: Task<Void, Never>?
    /// Set when a socket was lost: the next one tells the followers they may have missed events.
    private var wasLost = false
    /// The prompt this client's socket last saw executing: type-1 previews carry no prompt id.
    private var executingPromptID: String?
    private var isShutDown = false
    private var connecting: Task<any WebSocketConnection, any Error>?
    private var isConnected = false
    /// Whether the server's first `status` (with our `sid`) arrived on the current socket: only then is the socket
    /// registered for our client id, so a prompt submitted earlier could have its events sent nowhere.
    private var isGreeted = false
    private var greetingWaiters: [CheckedContinuation<Void, Never>] = []

    package init(
        webSocketURL: URL,
        connector: any WebSocketConnector,
        connectTimeout: Duration,
        reconnect: RetryPolicy,
        logger: Logger
    ) {
        url = webSocketURL
        self.connector = connector
        self.connectTimeout = connectTimeout
        self.reconnect = reconnect
        self.logger = logger
    }

    /// Whether the socket is open now.
    package var connected: Bool { isConnected }

    /// Whether cancelled followers should leave their prompts on the server (the process is stopping and a
    /// restart will collect them) rather than dequeue or interrupt them.
    package private(set) var leavesPrompts = false

    package func leavePrompts() {
        leavesPrompts = true
    }

    /// Starts routing `promptID`'s events to the returned stream; call before submitting so none is missed.
    ///
    /// The continuation is returned too, so the follower can add its own timer ticks to the same stream.
    package func follow(
        _ promptID: String
    ) -> (AsyncStream<FollowSignal>, AsyncStream<FollowSignal>.Continuation) {
        let (stream, continuation) = AsyncStream.makeStream(of: FollowSignal.self)
        followers[promptID]?.finish()
        followers[promptID] = continuation
        return (stream, continuation)
    }

    /// Stops routing `promptID`'s events.
    package func unfollow(_ promptID: String) {
        followers.removeValue(forKey: promptID)?.finish()
    }

    /// Opens the socket if it is not open and waits for the server's greeting (at most the connect timeout);
    /// throws when the server cannot be reached at all.
    package func connect() async throws {
        guard !isShutDown else { return }
        try await openSocket()
        guard !isGreeted else { return }
        let timeout = connectTimeout
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.releaseGreetingWaiters()
        }
        await withCheckedContinuation { greetingWaiters.append($0) }
        timer.cancel()
    }

    /// Opens and attaches a socket unless one is open.
    ///
    /// One attempt at a time: a second socket under the same client id would replace the first on the server,
    /// and closing either would leave our prompts' events with nowhere to go.
    private func openSocket() async throws {
        guard !isConnected else { return }
        let attempt =
            connecting
            ?? Task { [url, connector, connectTimeout] in
                try await connector.connect(to: url, timeout: connectTimeout)
            }
        connecting = attempt
        defer { connecting = nil }
        let socket = try await attempt.value
        guard !isShutDown else {
            await socket.close()
            return
        }
        if !isConnected { attach(socket) }
    }

    private func releaseGreetingWaiters() {
        let waiters = greetingWaiters
        greetingWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// Closes the socket for good and ends every follower's stream.
    package func shutdown() async {
        isShutDown = true
        releaseGreetingWaiters()
        reader?.cancel()
        let socket = connection
        connection = nil
        isConnected = false
        await socket?.close()
        for continuation in followers.values { continuation.finish() }
        followers = [:]
    }

    private func attach(_ socket: any WebSocketConnection) {
        connection = socket
        isConnected = true
        isGreeted = false
        if wasLost {
            wasLost = false
            for continuation in followers.values { continuation.yield(.reconnected) }
        }
        reader = Task { [weak self] in
            for await message in socket.messages {
                await self?.route(message)
            }
            await self?.lost(socket)
        }
    }

    private func route(_ message: WebSocketMessage) {
        let event: ComfyEvent?
        switch message {
        case .text(let text): event = ComfyEvent(text: text)
        case .binary(let data): event = ComfyEvent(binary: data)
        }
        guard let event else { return }
        switch event {
        case .status(let remaining, let sid):
            if sid != nil, !isGreeted {
                isGreeted = true
                releaseGreetingWaiters()
            }
            for continuation in followers.values { continuation.yield(.queueChanged(remaining: remaining)) }
        case .executing(let id, let node):
            executingPromptID = node == nil ? nil : id
            followers[id]?.yield(.event(event))
        case .preview(let id, let type, let data):
            guard let owner = id ?? executingPromptID else { return }
            followers[owner]?.yield(.event(.preview(promptID: owner, imageType: type, data: data)))
        default:
            if let id = event.promptID { followers[id]?.yield(.event(event)) }
        }
    }

    /// The socket ended: tell the followers, then reconnect with backoff until it works or the hub shuts down.
    private func lost(_ socket: any WebSocketConnection) async {
        await socket.close()
        guard !isShutDown else { return }
        connection = nil
        isConnected = false
        isGreeted = false
        wasLost = true
        executingPromptID = nil
        for continuation in followers.values { continuation.yield(.disconnected) }
        logger.warning("ComfyUI event socket closed; reconnecting", metadata: ["comfyui.url": "\(url)"])
        var attempt = 1
        while !isShutDown, !Task.isCancelled {
            try? await Task.sleep(for: reconnect.delay(beforeRetry: attempt))
            guard !isShutDown, !isConnected else { return }
            do {
                try await openSocket()
                guard isConnected else { return }
                logger.info("ComfyUI event socket reconnected", metadata: ["comfyui.url": "\(url)"])
                return
            } catch {
                attempt += 1
            }
        }
    }
}
