import Foundation
import SpriteEngine
import Synchronization

/// The HTTP server's sessions by id, all on one `ServerContext` (one engine, queue, cache, journal, backend pool).
///
/// A session ends on DELETE, when idle for `http.session_idle_seconds` (checked when it is next asked for, and by a
/// periodic sweep that frees its memory), or when the server stops. Times are passed in, so tests need no clock.
final class HTTPSessionTable: Sendable {
    /// What `create` did.
    enum Creation {
        case created(HTTPSession)
        /// `http.max_sessions` are open and none is idle.
        case full
    }

    private let sessions = Mutex<[String: HTTPSession]>([:])
    private let context: ServerContext
    let maxSessions: Int
    let maxStreams: Int
    let idleLimit: Duration

    init(context: ServerContext, maxSessions: Int, maxStreams: Int, idleLimit: Duration) {
        self.context = context
        self.maxSessions = maxSessions
        self.maxStreams = maxStreams
        self.idleLimit = idleLimit
    }

    var count: Int { sessions.withLock { $0.count } }

    /// Opens a session, first ending idle ones if the table is full.
    func create(at now: ContinuousClock.Instant = .now) -> Creation {
        if count >= maxSessions { expireIdle(at: now) }
        let session = HTTPSession(id: HTTPSession.makeID(), context: context, maxStreams: maxStreams, now: now)
        let added = sessions.withLock { sessions -> Bool in
            guard sessions.count < maxSessions else { return false }
            sessions[session.id] = session
            return true
        }
        guard added else {
            session.end()
            return .full
        }
        EngineMetrics.session(opened: true, transport: "http")
        context.logger.debug("session opened", metadata: ["mcp.session": "\(session.id)"])
        return .created(session)
    }

    /// The live session `id`, marked as used now; nil when unknown, ended or expired (an expired one ends here).
    func session(_ id: String, at now: ContinuousClock.Instant = .now) -> HTTPSession? {
        guard let session = sessions.withLock({ $0[id] }) else { return nil }
        guard !session.isIdle(at: now, limit: idleLimit) else {
            end(id, reason: "idle")
            return nil
        }
        session.streams.touch(at: now)
        return session
    }

    /// Ends session `id`; false when there is none.
    @discardableResult
    func end(_ id: String, reason: String = "deleted") -> Bool {
        guard let session = sessions.withLock({ $0.removeValue(forKey: id) }) else { return false }
        session.end()
        EngineMetrics.session(opened: false, transport: "http")
        context.logger.debug("session ended", metadata: ["mcp.session": "\(id)", "reason": "\(reason)"])
        return true
    }

    /// Ends every session idle at `now`; returns their ids.
    @discardableResult
    func expireIdle(at now: ContinuousClock.Instant = .now) -> [String] {
        let idle = sessions.withLock { sessions in
            sessions.values.filter { $0.isIdle(at: now, limit: idleLimit) }.map(\.id)
        }
        return idle.filter { end($0, reason: "idle") }
    }

    /// Sends a keep-alive comment on every open stream of every session.
    func keepAlive() {
        for session in sessions.withLock({ Array($0.values) }) { session.streams.keepAlive() }
    }

    /// Returns once every session's requests have been answered or cancelled.
    func waitUntilSettled() async {
        for session in sessions.withLock({ Array($0.values) }) { await session.mcp.ledger.waitUntilSettled() }
    }

    /// Ends every session (the server is stopping).
    func endAll() {
        for id in sessions.withLock({ Array($0.keys) }) { end(id, reason: "shutdown") }
    }
}
