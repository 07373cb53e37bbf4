import Foundation
import Logging
import MCP
import SpriteEngine
import Synchronization

/// One client's MCP session, and the server's one JSON-RPC dispatch: every transport hands each message it reads
/// to `receive(_:)`, and every answer leaves through the session's `MessageSink`.
///
/// The envelope is checked (`InboundMessage`) before anything is decoded, in linear time, so no message can stall
/// the ones behind it; methods that do real work (`tools/call`, `resources/*`) run in a task of their own, which
/// `notifications/cancelled` cancels (a cancelled request gets no response). Results are encoded once, straight from
/// `Value` (`ValueJSON`), on the task that made them.
package final class MCPSession: Sendable {
    /// The session and request a task works for, so log records it emits reach that request's stream.
    @TaskLocal static var current: (session: ObjectIdentifier, request: ID)?

    let context: ServerContext
    let sink: any MessageSink
    package let ledger = RequestLedger()
    private let running = Mutex<[ID: Task<Void, Never>]>([:])
    private let state = Mutex(State())

    private struct State {
        var protocolVersion: String?
        var logLevel: LogLevel = .warning
        var closed = false
    }

    package init(context: ServerContext, sink: any MessageSink) {
        self.context = context
        self.sink = sink
        context.clientLog.attach(self)
    }

    /// The protocol version agreed in `initialize`, nil before it.
    package var protocolVersion: String? { state.withLock { $0.protocolVersion } }

    /// Handles one message from the client.
    ///
    /// Returns at once: anything slow runs in its own task.
    package func receive(_ data: Data) {
        switch InboundMessage.read(data, limits: context.limits) {
        case .success(let message): receive(message)
        case .failure(let failure):
            context.logger.debug("refused a message", metadata: ["error": "\(failure.error)"])
            sink.send(
                OutboundMessage.error(id: failure.id, failure.error),
                failure.id.map { .response(to: $0) } ?? .session
            )
        }
    }

    /// Handles a message whose envelope the transport has already read (HTTP reads it to choose the answer's form).
    func receive(_ message: InboundMessage) {
        switch message.kind {
        case .request(let id, let method): dispatch(method, id: id, message: message)
        case .notification(let method): notice(method, message: message)
        case .response: break  // the server sends no requests, so there is nothing to match
        }
    }

    /// Answers a message the transport dropped for being over `limits.max_message_bytes` (its id is unknown).
    package func refuseOversized(byteCount: Int) {
        let error = MCPError.invalidRequest(
            "the message is \(byteCount) bytes, over the \(context.limits.maxBytes)-byte limit "
                + "(limits.max_message_bytes)"
        )
        sink.send(OutboundMessage.error(id: nil, error), .session)
    }

    /// The one switch on method names.
    private func dispatch(_ method: String, id: ID, message: InboundMessage) {
        switch method {
        case Initialize.name: answer(id, method) { try self.initialize(id: id, message.params) }
        case Ping.name: answer(id, method) { try OutboundMessage.result(id: id, Empty()) }
        case ListTools.name: answer(id, method) { try self.listTools(id: id, message.params) }
        case CallTool.name: run(id, method) { try await self.callTool(id: id, message.params) }
        case ListResources.name: run(id, method) { try await self.listResources(id: id, message.params) }
        case ListResourceTemplates.name: answer(id, method) { try self.listResourceTemplates(id: id, message.params) }
        case ReadResource.name: run(id, method) { try await self.readResource(id: id, message.params) }
        case SetLoggingLevel.name: answer(id, method) { try self.setLoggingLevel(id: id, message.params) }
        default:
            sink.send(
                OutboundMessage.error(id: id, .methodNotFound("this server has no method '\(method)'")),
                .response(to: id)
            )
        }
    }

    private func notice(_ method: String, message: InboundMessage) {
        guard method == CancelledNotification.name,
            let parameters = try? JSONDecoder().decode(CancelledNotification.Parameters.self, from: message.params),
            let id = parameters.requestId
        else { return }  // notifications/initialized and the rest need nothing from this server
        guard let task = running.withLock({ $0.removeValue(forKey: id) }) else { return }
        task.cancel()
        ledger.settle(id)
    }

    /// Answers request `id` right here: for methods that only read what is in memory.
    private func answer(_ id: ID, _ method: String, _ respond: () throws -> Data) {
        let start = ContinuousClock.now
        ledger.open(id)
        let line: Data
        do {
            line = try respond()
        } catch {
            line = OutboundMessage.error(id: id, Self.mcpError(error))
        }
        sink.send(line, .response(to: id))
        ledger.settle(id)
        EngineMetrics.requestAnswered(method: method, after: ContinuousClock.now - start)
    }

    /// Runs request `id` in its own task, which `notifications/cancelled` cancels.
    private func run(_ id: ID, _ method: String, _ respond: @escaping @Sendable () async throws -> Data) {
        let start = ContinuousClock.now
        guard running.withLock({ $0[id] == nil }) else {
            let error = MCPError.invalidRequest("request id \(id) is already in use by a request still running")
            sink.send(OutboundMessage.error(id: id, error), .response(to: id))
            return
        }
        ledger.open(id)
        let session = ObjectIdentifier(self)
        running.withLock { running in
            running[id] = Task {
                await Self.$current.withValue((session, id)) {
                    let line: Data?
                    do {
                        line = try await respond()
                    } catch is CancellationError {
                        line = nil
                    } catch {
                        line = OutboundMessage.error(id: id, Self.mcpError(error))
                    }
                    // Whoever removes the task answers for it: a cancellation that got here first means no response.
                    // The response leaves under the same lock as the request's notifications (`sendDuring`), so
                    // nothing about a request is sent after its response.
                    let answered = self.running.withLock { running in
                        guard running.removeValue(forKey: id) != nil else { return false }
                        if let line { self.sink.send(line, .response(to: id)) }
                        return true
                    }
                    guard answered else { return }
                    self.ledger.settle(id)
                    EngineMetrics.requestAnswered(method: method, after: ContinuousClock.now - start)
                }
            }
        }
    }

    /// Ends the session: no more log records reach it.
    ///
    /// - Parameter cancellingRequests: Also cancels the requests still running, and so the jobs they wait for (stdio:
    ///   the client is gone). HTTP passes false: a session ends on DELETE or when idle, and its requests then finish
    ///   with their output dropped, their jobs left to whoever asks for them.
    package func close(cancellingRequests: Bool = true) {
        state.withLock { $0.closed = true }
        context.clientLog.detach(self)
        guard cancellingRequests else { return }
        let tasks = running.withLock { running in
            defer { running.removeAll() }
            return Array(running)
        }
        for (id, task) in tasks {
            task.cancel()
            ledger.settle(id)
        }
    }

    /// Sends a notification about request `id` while it runs; once it is answered or cancelled, nothing more is
    /// sent about it (a job that outlasts its call keeps reporting progress to no one).
    func sendDuring(_ id: ID, _ message: Data) {
        running.withLock { running in
            guard running[id] != nil else { return }
            sink.send(message, .during(id))
        }
    }

    static func mcpError(_ error: any Error) -> MCPError {
        (error as? MCPError) ?? .internalError("\(error)")
    }

    /// Sends a log record to this client when it is at or above the level the client asked for.
    func log(_ parameters: LogMessageNotification.Parameters, during request: ID?) {
        let admitted = state.withLock { state in
            !state.closed && ClientLog.rank(parameters.level) >= ClientLog.rank(state.logLevel)
        }
        guard admitted, let line = try? OutboundMessage.notification(LogMessageNotification.message(parameters))
        else { return }
        let stillRunning = request.map { id in running.withLock { $0[id] != nil } } ?? false
        if let request, stillRunning {
            sendDuring(request, line)
        } else {
            sink.send(line, .session)
        }
    }

    func setLogLevel(_ level: LogLevel) {
        state.withLock { $0.logLevel = level }
    }

    func agree(on version: String) {
        state.withLock { $0.protocolVersion = version }
    }
}
