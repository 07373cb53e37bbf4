import SpriteEngine

/// Which browser origins may talk to the server (DNS-rebinding protection, MCP transport spec §Security Warning).
///
/// A request without `Origin` is allowed (command-line and desktop clients send none); localhost origins on any port
/// are allowed; any other origin must be listed in `http.allowed_origins`, else the request gets 403.
///
/// A server bound to loopback also wants a loopback `Host`: a rebinding page's GET is same-origin and carries no
/// `Origin`, but its `Host` is the attacker's name. A server bound beyond loopback is reached by its network name
/// and has a token instead. (The SDK's `OriginValidator` requires `Host` to be `localhost:PORT` always, which
/// refuses such a server, and cannot match an origin without a port.)
struct OriginPolicy: Sendable {
    private let allowed: Set<String>
    private let loopbackHostOnly: Bool

    /// - Parameters:
    ///   - allowedOrigins: Origins besides localhost ones, already normalised by the configuration.
    ///   - loopbackHostOnly: Refuse a `Host` that is not localhost, 127.0.0.0/8 or `[::1]` (a loopback bind).
    init(allowedOrigins: [String], loopbackHostOnly: Bool = false) {
        allowed = Set(allowedOrigins)
        self.loopbackHostOnly = loopbackHostOnly
    }

    func admits(_ origin: String?) -> Bool {
        guard let origin else { return true }
        guard let normalized = Configuration.normalizedOrigin(origin) else { return false }
        let afterScheme = normalized.drop { $0 != "/" }.dropFirst(2)
        return allowed.contains(normalized) || Self.isLoopback(authority: afterScheme)
    }

    /// Whether the `Host` header fits the bind; no header (HTTP/1.0) is let through.
    func admits(host: String?) -> Bool {
        guard loopbackHostOnly, let host else { return true }
        return Self.isLoopback(authority: Substring(host.lowercased()))
    }

    /// `localhost`, `127.x.y.z` or `[::1]`, with or without a port.
    private static func isLoopback(authority: Substring) -> Bool {
        let host: Substring
        if authority.hasPrefix("[") {
            host = authority.prefix { $0 != "]" }.dropFirst()
        } else {
            host = authority.prefix { $0 != ":" }
        }
        return ListenAddress(host: String(host), port: 0).isLoopback
    }
}
