import Foundation
import Logging
import MCP
import Prometheus
import SpriteEngine
import Testing

@testable import PixelsMCP

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `HTTPServer` on a free local port, driven with URLSession.
@Suite("HTTPServer: /mcp, /metrics and /healthz over real HTTP/1.1")
struct HTTPServerTests {
    struct Running {
        let server: HTTPServer
        let root: URL
        var base: String { "http://127.0.0.1:\(server.address.port)" }

        func stop() async {
            await server.close()
            try? FileManager.default.removeItem(at: root)
        }
    }

    private static func start(token: String? = nil, maxBodyBytes: Int = 4096) async throws -> Running {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dgx-http-\(UUID().uuidString)")
        var configuration = Configuration(environment: ["HOME": root.path])
        configuration.output.directory = root
        let engine = GenerationEngine(
            configuration: configuration,
            generator: ProceduralGenerator(),
            logger: Logger(label: "test")
        )
        let context = ServerContext(engine: engine, logger: Logger(label: "test"))
        let sessions = HTTPSessionTable(context: context, maxSessions: 4, maxStreams: 4, idleLimit: .seconds(60))
        let router = HTTPRouter(
            origins: OriginPolicy(allowedOrigins: []),
            token: token.map(BearerToken.init),
            mcp: MCPEndpoint(sessions: sessions, limits: context.limits),
            monitoring: MonitoringEndpoint(registry: PrometheusCollectorRegistry(), engine: engine)
        )
        let server = try await HTTPServer.start(
            at: ListenAddress(host: "127.0.0.1", port: 0),
            router: router,
            maxBodyBytes: maxBodyBytes
        )
        return Running(server: server, root: root)
    }

    private static func send(
        _ method: String,
        _ url: String,
        body: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> (status: Int, headers: HTTPURLResponse, body: String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.setValue("application/json, text/event-stream", forHTTPHeaderField: "Accept")
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, http, String(decoding: data, as: UTF8.self))
    }

    private static let initialize = #"""
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}
        """#

    @Test("initialize answers on an SSE stream with the session id; a JSON-only client gets one JSON body")
    func initializeAndList() async throws {
        let running = try await Self.start()
        let opened = try await Self.send("POST", running.base + "/mcp", body: Self.initialize)
        #expect(opened.status == 200)
        #expect(opened.headers.value(forHTTPHeaderField: "Content-Type") == "text/event-stream")
        #expect(opened.body.hasPrefix("event: message\ndata: {") && opened.body.hasSuffix("}\n\n"))
        #expect(opened.body.contains(#""protocolVersion":"2025-11-25""#))
        let session = try #require(opened.headers.value(forHTTPHeaderField: "Mcp-Session-Id"))
        let listed = try await Self.send(
            "POST",
            running.base + "/mcp",
            body: #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
            headers: ["Mcp-Session-Id": session, "Accept": "application/json"]
        )
        #expect(listed.status == 200 && listed.headers.value(forHTTPHeaderField: "Content-Type") == "application/json")
        #expect(listed.body.hasPrefix(#"{"id":2,"jsonrpc":"2.0","result":{"tools":["#))
        let notified = try await Self.send(
            "POST",
            running.base + "/mcp",
            body: #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            headers: ["Mcp-Session-Id": session]
        )
        #expect(notified.status == 202 && notified.body.isEmpty)
        await running.stop()
    }

    @Test("A body over the cap is 413 with a JSON-RPC error naming http.max_body_bytes")
    func bodyCap() async throws {
        let running = try await Self.start(maxBodyBytes: 1024)
        let padded =
            #"{"jsonrpc":"2.0","id":1,"method":"ping","padding":""# + String(repeating: "x", count: 2000) + #""}"#
        let refused = try await Self.send("POST", running.base + "/mcp", body: padded)
        #expect(refused.status == 413)
        #expect(refused.body.contains("http.max_body_bytes") && refused.body.contains(#""id":null"#))
        await running.stop()
    }

    @Test("Without the token: 401 with WWW-Authenticate; /healthz stays open; with it: served")
    func token() async throws {
        let running = try await Self.start(token: "0123456789abcdef-secret")
        let refused = try await Self.send("POST", running.base + "/mcp", body: Self.initialize)
        #expect(refused.status == 401)
        #expect(refused.headers.value(forHTTPHeaderField: "Www-Authenticate")?.hasPrefix("Bearer") == true)
        #expect(try await Self.send("GET", running.base + "/healthz").status == 200)
        let admitted = try await Self.send(
            "POST",
            running.base + "/mcp",
            body: Self.initialize,
            headers: ["Authorization": "Bearer 0123456789abcdef-secret"]
        )
        #expect(admitted.status == 200)
        await running.stop()
    }

    @Test("A foreign Origin is 403; /healthz answers JSON; an unknown path is 404")
    func originAndMonitoring() async throws {
        let running = try await Self.start()
        let foreign = try await Self.send(
            "POST",
            running.base + "/mcp",
            body: Self.initialize,
            headers: ["Origin": "http://evil.example"]
        )
        #expect(foreign.status == 403 && foreign.body.contains("-32600"))
        let health = try await Self.send("GET", running.base + "/healthz")
        #expect(health.body == #"{"backends":{"total":0,"up":0},"engine":"procedural","ready":true}"#)
        #expect(try await Self.send("GET", running.base + "/elsewhere").status == 404)
        let metrics = try await Self.send("GET", running.base + "/metrics")
        #expect(
            metrics.status == 200
                && metrics.headers.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/plain") == true
        )
        await running.stop()
    }
}
