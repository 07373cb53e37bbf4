import Foundation
import Logging
import MCP
import SpriteEngine
import TestSupport
import Testing

@testable import PixelsMCP

@Suite("MCPSession: the one JSON-RPC dispatch, conformant to JSON-RPC 2.0 and MCP")
struct MCPSessionTests {
    /// A session on a procedural engine writing into a scratch directory.
    private static func session() throws -> (MCPSession, RecordingSink, TemporaryDirectory) {
        let fixture = try EngineFixture()
        let sink = RecordingSink()
        let context = ServerContext(engine: fixture.engine(), logger: Logger(label: "test"))
        return (MCPSession(context: context, sink: sink), sink, fixture.directory)
    }

    private static func error(_ object: [String: Any]) -> (code: Int?, message: String) {
        let error = object["error"] as? [String: Any]
        let detail = (error?["data"] as? [String: Any])?["detail"] as? String
        return (
            error?["code"] as? Int, [error?["message"] as? String, detail].compactMap { $0 }.joined(separator: " ")
        )
    }

    @Test("A line that is not JSON is a parse error with id null, never a made-up id")
    func parseError() throws {
        let (session, sink, scratch) = try Self.session()
        defer { scratch.remove() }
        session.receive(Data(#"{"jsonrpc": "2.0", "id": 1, "method": "ping""#.utf8))
        let answer = try #require(sink.objects.first)
        #expect(answer["id"] is NSNull)
        #expect(Self.error(answer).code == -32700)
        #expect(session.ledger.openRequests == 0)
    }

    @Test(
        "An id that is not a string or an integer in range is -32600 with id null",
        arguments: [#"1.5"#, #"99999999999999999999999"#, #"{"a":1}"#, #"null"#, #"[1]"#, #"true"#, #"1e3"#]
    )
    func badIDs(_ id: String) throws {
        let (session, sink, scratch) = try Self.session()
        defer { scratch.remove() }
        session.receive(Data(#"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"#.utf8))
        let answer = try #require(sink.objects.first, "no answer for id \(id)")
        #expect(answer["id"] is NSNull)
        #expect(Self.error(answer).code == -32600)
    }

    @Test("A wrong jsonrpc version, a batch, a missing method and a scalar are -32600")
    func invalidRequests() throws {
        let (session, sink, scratch) = try Self.session()
        defer { scratch.remove() }
        for line in [
            #"{"jsonrpc":"1.0","id":1,"method":"ping"}"#, #"[{"jsonrpc":"2.0","id":2,"method":"ping"}]"#,
            #"{"jsonrpc":"2.0","id":3}"#, "42",
        ] {
            session.receive(Data(line.utf8))
        }
        let codes = sink.objects.map { Self.error($0).code }
        #expect(codes == [-32600, -32600, -32600, -32600])
        #expect(sink.objects.first?["id"] as? Int == 1)
        #expect(Self.error(sink.objects[1]).message.contains("batches"))
    }

    @Test("Params that do not fit tools/call, resources/read, logging/setLevel are -32602 saying what is expected")
    func invalidParams() async throws {
        let (session, sink, scratch) = try Self.session()
        defer { scratch.remove() }
        let cases: [(ID, String, String)] = [
            (1, #""tools/call","params":{"arguments":{}}"#, "tools/call needs params"),
            (2, #""tools/call","params":{"name":5}"#, "tools/call needs params"),
            (3, #""resources/read","params":{"url":"x"}"#, "resources/read needs params {\"uri\": string}"),
            (4, #""logging/setLevel","params":{"level":"loud"}"#, "one of debug, info"),
            (5, #""tools/call","params":[1,2]"#, "must be an object"),
            (6, #""tools/list","params":{"cursor":"abc"}"#, "unknown cursor"),
        ]
        for (id, body, _) in cases {
            let number = if case .number(let value) = id { value } else { 0 }
            session.receive(Data(#"{"jsonrpc":"2.0","id":\#(number),"method":\#(body)}"#.utf8))
        }
        for (id, _, expected) in cases {
            let answer = try await sink.response(to: id)
            #expect(Self.error(answer).code == -32602, "\(id): \(answer)")
            #expect(Self.error(answer).message.contains(expected), "\(id): \(Self.error(answer).message)")
        }
        #expect(session.ledger.openRequests == 0)
    }

    @Test("An unknown method is -32601; a reused id of a running request is refused; notifications get no answer")
    func methodsAndNotifications() async throws {
        let (session, sink, scratch) = try Self.session()
        defer { scratch.remove() }
        session.receive(Data(#"{"jsonrpc":"2.0","id":"x","method":"prompts/list"}"#.utf8))
        session.receive(Data(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#.utf8))
        session.receive(Data(#"{"jsonrpc":"2.0","method":"no/such/notification","params":[1]}"#.utf8))
        let answer = try await sink.response(to: "x")
        #expect(Self.error(answer).code == -32601)
        #expect(sink.all.count == 1)
    }

    @Test("initialize agrees on the client's version when supported, else the newest; ping answers {}")
    func initialize() async throws {
        let (session, sink, scratch) = try Self.session()
        defer { scratch.remove() }
        let params = #"{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}"#
        session.receive(Data(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":\#(params)}"#.utf8))
        let result = try #require(try await sink.response(to: 1)["result"] as? [String: Any])
        #expect(result["protocolVersion"] as? String == "2025-06-18")
        #expect((result["serverInfo"] as? [String: Any])?["name"] as? String == "dgx-pixels")
        let future = params.replacingOccurrences(of: "2025-06-18", with: "2099-01-01")
        session.receive(Data(#"{"jsonrpc":"2.0","id":2,"method":"initialize","params":\#(future)}"#.utf8))
        #expect(
            (try await sink.response(to: 2)["result"] as? [String: Any])?["protocolVersion"] as? String == "2025-11-25"
        )
        session.receive(Data(#"{"jsonrpc":"2.0","id":3,"method":"ping"}"#.utf8))
        #expect((try await sink.response(to: 3)["result"] as? [String: Any])?.isEmpty == true)
    }

    @Test("A deeply nested request is refused in linear time and a ping behind it is answered within 50 ms")
    func nestingDoesNotStall() throws {
        let (session, sink, scratch) = try Self.session()
        defer { scratch.remove() }
        let nested = String(repeating: "[", count: 4000) + String(repeating: "]", count: 4000)
        let hostile =
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"generate_sprite","arguments":{"prompt":\#(nested)}}}"#
        let start = ContinuousClock.now
        session.receive(Data(hostile.utf8))
        session.receive(Data(#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#.utf8))
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .milliseconds(50), "\(elapsed)")
        let answers = sink.objects
        #expect(answers.count == 2)
        #expect(Self.error(answers[0]).code == -32600 && answers[0]["id"] is NSNull)
        #expect(answers[1]["id"] as? Int == 2 && answers[1]["result"] != nil)
    }

    @Test("A message over limits.max_message_bytes is refused by name, with id null")
    func oversized() throws {
        let (session, sink, scratch) = try Self.session()
        defer { scratch.remove() }
        session.refuseOversized(byteCount: 20_000_000)
        let answer = try #require(sink.objects.first)
        #expect(answer["id"] is NSNull)
        #expect(Self.error(answer).message.contains("limits.max_message_bytes"))
    }

    @Test("notifications/cancelled stops a running tools/call: no response, the request is settled")
    func cancel() async throws {
        let (session, sink, scratch) = try Self.session()
        defer { scratch.remove() }
        let arguments = #"{"prompts":["a","b","c","d","e","f","g","h"],"size":256,"concurrency":1}"#
        session.receive(
            Data(
                #"{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"generate_batch","arguments":\#(arguments)}}"#
                    .utf8
            )
        )
        session.receive(Data(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":9}}"#.utf8))
        await session.ledger.waitUntilSettled()
        try await Task.sleep(for: .milliseconds(100))
        #expect(!sink.all.contains { $0.route == .response(to: 9) })
    }

    @Test("A call answered 'running' sends no progress after its response, though its job goes on")
    func noProgressAfterResponse() async throws {
        let (session, sink, scratch) = try Self.session()
        defer { scratch.remove() }
        let prompts = (0..<12).map { "\"gem \($0)\"" }.joined(separator: ",")
        let arguments = #"{"prompts":[\#(prompts)],"size":128,"concurrency":1,"wait_seconds":0}"#
        session.receive(
            Data(
                #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"_meta":{"progressToken":"p"},"name":"generate_batch","arguments":\#(arguments)}}"#
                    .utf8
            )
        )
        let answer = try await sink.response(to: 5)
        let structured = (answer["result"] as? [String: Any])?["structuredContent"] as? [String: Any]
        let job = try #require((structured?["job"] as? [String: Any])?["job_id"] as? String)
        _ = try await session.context.engine.wait(for: job, upTo: 60)
        let routes = sink.all.map(\.route)
        let responseAt = try #require(routes.firstIndex(of: .response(to: 5)))
        #expect(!routes[(responseAt + 1)...].contains(.during(5)), "progress after the response")
    }
}
