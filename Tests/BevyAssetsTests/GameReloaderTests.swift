import Foundation
import TestSupport
import Testing

@testable import BevyAssets

@Suite("Asking a running game to reload over the Bevy Remote Protocol")
struct GameReloaderTests {
    /// Answers every post with one canned response, or fails, and remembers what it was sent.
    struct FakeTransport: RemoteTransport {
        var response: RemoteResponse?
        let sent = EventLog()

        func post(_ body: Data, to url: URL, timeout: Duration) async throws -> RemoteResponse {
            sent.append(String(decoding: body, as: UTF8.self))
            guard let response else { throw URLError(.timedOut) }
            return response
        }
    }

    @Test("Posts the sprites/reload JSON-RPC call to a real HTTP listener and notes the answer")
    func loopback() async throws {
        let server = try LoopbackHTTPServer(answering: #"{"jsonrpc":"2.0","id":1,"result":null}"#)
        async let request = server.serveOne()
        let reloader = GameReloader(url: server.url, transport: URLSessionRemoteTransport())
        let outcome = await reloader.reload(["sprites/creature/slime.png", "sprites/creature/slime.sheet.ron"])
        let received = try await request
        #expect(received.head.hasPrefix("POST / HTTP/1.1"))
        #expect(received.head.lowercased().contains("content-type: application/json"))
        let json = try #require(try JSONSerialization.jsonObject(with: received.body) as? [String: Any])
        #expect(json["jsonrpc"] as? String == "2.0" && json["id"] as? Int == 1)
        #expect(json["method"] as? String == "sprites/reload")
        #expect(
            (json["params"] as? [String: Any])?["paths"] as? [String] == [
                "sprites/creature/slime.png", "sprites/creature/slime.sheet.ron",
            ]
        )
        guard case .reloaded(let note) = outcome else {
            Issue.record("expected reloaded, got \(outcome)")
            return
        }
        #expect(note.contains(server.url.absoluteString))
    }

    @Test("A closed port is a warning that names the URL, not an error")
    func closedPort() async throws {
        let port = try LoopbackHTTPServer.closedPort()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        let outcome = await GameReloader(url: url, transport: URLSessionRemoteTransport()).reload(["a.png"])
        guard case .failed(let warning) = outcome else {
            Issue.record("expected failed, got \(outcome)")
            return
        }
        #expect(warning.contains("no running game answered at \(url.absoluteString)"))
    }

    @Test("A game that accepts but never answers is cut off with a warning")
    func timeout() async throws {
        let server = try LoopbackHTTPServer(answering: "")
        defer { server.stop() }
        let outcome = await GameReloader(url: server.url, transport: URLSessionRemoteTransport()).reload(["a.png"])
        // Normally our 300 ms deadline fires ("no answer within"); on a starved machine URLSession's own
        // whole-second timeout may come first. Either way the call ends as a warning instead of hanging.
        guard case .failed(let warning) = outcome else {
            Issue.record("expected failed, got \(outcome)")
            return
        }
        #expect(warning.contains("no running game answered at \(server.url.absoluteString)"))
    }

    @Test("A game without the method, or a timeout, is a warning saying what to do")
    func errorAnswers() async throws {
        let url = try #require(URL(string: GameReloader.defaultURL))
        let missing = FakeTransport(
            response: RemoteResponse(
                status: 200,
                body: Data(#"{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}"#.utf8)
            )
        )
        let refused = await GameReloader(url: url, transport: missing).reload(["a.png"])
        #expect(refused == .failed(warning: "").self || "\(refused)".contains("Method not found"))
        #expect("\(refused)".contains("docs/bevy.md"))
        let silent = FakeTransport(response: nil)
        let timedOut = await GameReloader(url: url, transport: silent).reload(["a.png"])
        #expect("\(timedOut)".contains("no running game answered"))
        #expect(
            silent.sent.all == [#"{"jsonrpc":"2.0","id":1,"method":"sprites/reload","params":{"paths":["a.png"]}}"#]
        )
    }

    @Test("A deploy report asks for its PNGs and sheet descriptors and turns failure into a warning")
    func reportReload() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        var report = try BevyDeployer().deploy([sprite("knight")], into: project)
        let fake = FakeTransport(response: nil)
        await report.requestReload(remoteURL: GameReloader.defaultURL, transport: fake)
        #expect(report.warnings.count == 1 && report.warnings[0].contains("127.0.0.1:15702"))
        #expect(fake.sent.all.first?.contains(#""paths":["sprites/characters/knight.png"]"#) == true)
    }
}
