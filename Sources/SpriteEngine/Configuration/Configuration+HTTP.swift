import Foundation

extension Configuration {
    /// The MCP Streamable HTTP transport of `serve --http` (`http:`); see docs/http.md.
    package struct HTTP: Sendable, Equatable {
        /// The bearer token every request must carry (`Authorization: Bearer …`).
        ///
        /// Required to bind beyond loopback; `$DGX_PIXELS_TOKEN` overrides it.
        package var token: String?
        /// Browser origins allowed besides localhost ones (`http://localhost:*`, `http://127.0.0.1:*`,
        /// `http://[::1]:*`), normalised to `scheme://host[:port]`, lower case, default port left out.
        package var allowedOrigins: [String] = []
        /// The largest request body accepted; a longer one is refused with 413 before it is read.
        package var maxBodyBytes = 4 * 1024 * 1024
        /// Sessions open at once; one more `initialize` is refused with 503.
        package var maxSessions = 64
        /// SSE streams (request streams and the GET stream) open at once in one session.
        package var maxStreamsPerSession = 32
        /// A session with nothing running and no stream open ends after this many seconds without a request.
        package var sessionIdleSeconds = 1800.0

        package init() {}
    }

    /// Prometheus metrics and the health check when not serving HTTP (`metrics:`).
    package struct MetricsExport: Sendable, Equatable {
        /// Where `/metrics` and `/healthz` are served besides the MCP endpoint's own; nil: nowhere else.
        package var listen: ListenAddress?

        package init() {}
    }

    /// The shortest token accepted: a guessable token on a network port is worse than none, since it looks safe.
    package static let minimumTokenLength = 16

    mutating func readHTTP(_ node: ConfigNode) throws(SpriteEngineError) {
        let keys = [
            "token", "allowed_origins", "max_body_bytes", "max_sessions", "max_streams_per_session",
            "session_idle_seconds",
        ]
        for (key, value) in try node.mapping(allowed: keys) {
            switch key {
            case "token":
                guard !value.isNull else {
                    http.token = nil
                    continue
                }
                guard let token = Self.validToken(try value.string()) else { throw value.fail(Self.tokenRule) }
                http.token = token
            case "allowed_origins":
                http.allowedOrigins = []
                for entry in try value.sequence() {
                    guard let origin = Self.normalizedOrigin(try entry.nonEmptyString()) else {
                        throw entry.fail("an origin such as https://inspector.example.com or http://localhost:6274")
                    }
                    http.allowedOrigins.append(origin)
                }
            case "max_body_bytes": http.maxBodyBytes = try value.int(in: 1024...1_073_741_824)
            case "max_sessions": http.maxSessions = try value.int(in: 1...100_000)
            case "max_streams_per_session": http.maxStreamsPerSession = try value.int(in: 1...1000)
            default: http.sessionIdleSeconds = try value.double(in: 0.1...604_800)
            }
        }
    }

    mutating func readMetrics(_ node: ConfigNode) throws(SpriteEngineError) {
        for (_, value) in try node.mapping(allowed: ["listen"]) {
            guard !value.isNull else {
                metrics.listen = nil
                continue
            }
            guard let address = ListenAddress(parsing: try value.string()) else {
                throw value.fail("[HOST:]PORT such as 127.0.0.1:9464")
            }
            metrics.listen = address
        }
    }

    /// What a token must look like, for error messages.
    package static let tokenRule =
        "a token of at least \(minimumTokenLength) visible ASCII characters without spaces (e.g. from "
        + "`openssl rand -hex 32`)"

    /// `text` when it is an acceptable token, else nil.
    package static func validToken(_ text: String) -> String? {
        guard text.count >= minimumTokenLength, text.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
        else { return nil }
        return text
    }

    /// `scheme://host[:port]` in lower case without a default port or trailing slash; nil when `text` is not an
    /// http(s) origin.
    package static func normalizedOrigin(_ text: String) -> String? {
        var trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme,
            ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty,
            components.path.isEmpty, components.query == nil, components.fragment == nil, components.user == nil
        else { return nil }
        let defaultPort = scheme == "http" ? 80 : 443
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        guard let port = components.port, port != defaultPort else { return "\(scheme)://\(hostPart)" }
        return "\(scheme)://\(hostPart):\(port)"
    }
}
