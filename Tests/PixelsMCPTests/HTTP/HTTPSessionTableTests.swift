import Foundation
import Logging
import MCP
import SpriteEngine
import Testing

@testable import PixelsMCP

@Suite("HTTPSessionTable: sessions by id, capped, expiring when idle")
struct HTTPSessionTableTests {
    private static func table(maxSessions: Int = 2, idle: Duration = .seconds(60)) -> (HTTPSessionTable, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dgx-table-\(UUID().uuidString)")
        var configuration = Configuration(environment: ["HOME": root.path])
        configuration.output.directory = root
        let engine = GenerationEngine(
            configuration: configuration,
            generator: ProceduralGenerator(),
            logger: Logger(label: "test")
        )
        let context = ServerContext(engine: engine, logger: Logger(label: "test"))
        return (HTTPSessionTable(context: context, maxSessions: maxSessions, maxStreams: 4, idleLimit: idle), root)
    }

    private static func created(_ creation: HTTPSessionTable.Creation) throws -> HTTPSession {
        guard case .created(let session) = creation else { throw CancellationError() }
        return session
    }

    @Test("Ids are 32 hex digits, unique; sessions are found by id until ended")
    func ids() throws {
        let (table, root) = Self.table()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try Self.created(table.create())
        let second = try Self.created(table.create())
        #expect(first.id.count == 32 && first.id.allSatisfy(\.isHexDigit) && first.id != second.id)
        #expect(table.session(first.id) === first)
        #expect(table.end(first.id))
        #expect(table.session(first.id) == nil && !table.end(first.id))
        #expect(table.session("nope") == nil)
    }

    @Test("A full table refuses a new session, unless one is idle: that one ends to make room")
    func full() throws {
        let (table, root) = Self.table(maxSessions: 2, idle: .seconds(60))
        defer { try? FileManager.default.removeItem(at: root) }
        let start = ContinuousClock.now
        let old = try Self.created(table.create(at: start))
        _ = try Self.created(table.create(at: start + .seconds(30)))
        guard case .full = table.create(at: start + .seconds(40)) else {
            Issue.record("a third session was let in")
            return
        }
        _ = try Self.created(table.create(at: start + .seconds(61)))
        #expect(table.count == 2 && table.session(old.id, at: start + .seconds(61)) == nil)
    }

    @Test("A session idle past the limit is gone (404 for its client); use keeps it alive")
    func expiry() throws {
        let (table, root) = Self.table(idle: .seconds(10))
        defer { try? FileManager.default.removeItem(at: root) }
        let start = ContinuousClock.now
        let kept = try Self.created(table.create(at: start))
        let dropped = try Self.created(table.create(at: start))
        #expect(table.session(kept.id, at: start + .seconds(8)) != nil)
        #expect(table.expireIdle(at: start + .seconds(12)) == [dropped.id])
        #expect(table.session(kept.id, at: start + .seconds(17)) != nil)
        #expect(table.session(kept.id, at: start + .seconds(28)) == nil)
        #expect(table.count == 0)
    }

    @Test("A request still running keeps its session alive, however long it takes")
    func runningRequest() async throws {
        let (table, root) = Self.table(idle: .seconds(1))
        defer { try? FileManager.default.removeItem(at: root) }
        let start = ContinuousClock.now
        let session = try Self.created(table.create(at: start))
        session.mcp.ledger.open(.number(1))
        #expect(table.expireIdle(at: start + .seconds(3600)).isEmpty)
        session.mcp.ledger.settle(.number(1))
        session.streams.touch(at: start + .seconds(3600))
        #expect(table.expireIdle(at: start + .seconds(3602)) == [session.id])
    }
}
