import Foundation
import TestSupport
import Testing

@testable import SpriteEngine

@Suite("Configuration: http: and metrics:")
struct ConfigurationHTTPTests {
    @Test(
        "Defaults: no token, localhost origins only, 4 MiB bodies, 64 sessions, 32 streams, 30 min idle, no metrics port"
    )
    func defaults() throws {
        let configuration = try Configuration.parse(yaml: "", environment: [:])
        #expect(configuration.http == Configuration.HTTP())
        #expect(configuration.http.token == nil && configuration.http.allowedOrigins.isEmpty)
        #expect(configuration.http.maxBodyBytes == 4_194_304 && configuration.http.maxSessions == 64)
        #expect(configuration.http.maxStreamsPerSession == 32 && configuration.http.sessionIdleSeconds == 1800)
        #expect(configuration.metrics.listen == nil)
    }

    @Test("Every key is read; origins are normalised (lower case, no default port, no trailing slash)")
    func readsEveryKey() throws {
        let yaml = """
            http:
              token: 0123456789abcdef0123
              allowed_origins: [HTTPS://Tools.Example.com:443/, "http://10.0.0.2:8080"]
              max_body_bytes: 65536
              max_sessions: 3
              max_streams_per_session: 4
              session_idle_seconds: 0.5
            metrics:
              listen: 0.0.0.0:9464
            """
        let configuration = try Configuration.parse(yaml: yaml, environment: [:])
        #expect(configuration.http.token == "0123456789abcdef0123")
        #expect(configuration.http.allowedOrigins == ["https://tools.example.com", "http://10.0.0.2:8080"])
        #expect(configuration.http.maxBodyBytes == 65_536 && configuration.http.maxSessions == 3)
        #expect(configuration.http.maxStreamsPerSession == 4 && configuration.http.sessionIdleSeconds == 0.5)
        #expect(configuration.metrics.listen == ListenAddress(host: "0.0.0.0", port: 9464))
    }

    @Test("Bad values name the key and what is expected")
    func badValues() {
        let cases = [
            ("http:\n  token: short\n", "http.token", "at least 16"),
            ("http:\n  token: 'has spaces in it, sixteen+'\n", "http.token", "without spaces"),
            ("http:\n  allowed_origins: ['*']\n", "http.allowed_origins[0]", "origin"),
            ("http:\n  allowed_origins: ['https://x.example/path']\n", "http.allowed_origins[0]", "origin"),
            ("http:\n  max_body_bytes: 10\n", "http.max_body_bytes", "1024"),
            ("http:\n  max_sessions: 0\n", "http.max_sessions", "1 to"),
            ("http:\n  listen: 8765\n", "http.listen", "allowed keys"),
            ("metrics:\n  listen: nowhere\n", "metrics.listen", "HOST:]PORT"),
        ]
        for (yaml, keyPath, expected) in cases {
            #expect {
                try Configuration.parse(yaml: yaml, environment: [:])
            } throws: { error in
                let text = "\(error)"
                return text.contains(keyPath) && text.contains(expected)
            }
        }
    }

    @Test("$DGX_PIXELS_TOKEN overrides http.token, and is held to the same rule")
    func tokenFromEnvironment() throws {
        let directory = try TemporaryDirectory()
        try directory.write("http:\n  token: from-the-file-0123456789\n", to: "dgx-pixels.yaml")
        let token = "from-the-environment-0123456789"
        let loader = ConfigurationLoader(
            environment: ["HOME": directory.path, "DGX_PIXELS_TOKEN": token],
            currentDirectory: directory.url
        )
        #expect(try loader.load().http.token == token)
        let weak = ConfigurationLoader(environment: ["HOME": directory.path, "DGX_PIXELS_TOKEN": "1234"])
        #expect {
            try weak.load()
        } throws: { error in
            "\(error)".contains("DGX_PIXELS_TOKEN")
        }
    }
}
