import SpriteEngine

/// Which browser origins may talk to the server (DNS-rebinding protection, MCP transport spec §Security Warning).
///
/// A request without `Origin` is allowed (command-line and desktop clients send none); localhost origins on any port
/// are allowed; any other origin must be listed in `http.allowed_origins`, else the request gets 403.
///
/// The SDK's `OriginValidator` also insists that `Host` be `localhost:PORT`, which refuses a server reached by its
/// network name (a DGX behind a token), and it cannot match an origin without a port.
struct OriginPolicy: Sendable {
    private let allowed: Set<String>

    /// - Parameter allowedOrigins: Origins besides localhost ones, already normalised by the configuration.
    init(allowedOrigins: [String]) {
        allowed = Set(allowedOrigins)
    }

    func admits(_ origin: String?) -> Bool {
        guard let origin else { return true }
        guard let normalized = Configuration.normalizedOrigin(origin) else { return false }
        return allowed.contains(normalized) || Self.isLocalhost(normalized)
    }

    /// `http(s)://localhost`, `127.0.0.1` or `[::1]`, on any port.
    private static func isLocalhost(_ origin: String) -> Bool {
        let afterScheme = origin.drop { $0 != "/" }.dropFirst(2)
        let host: Substring
        if afterScheme.hasPrefix("[") {
            host = afterScheme.prefix { $0 != "]" }.dropFirst()
        } else {
            host = afterScheme.prefix { $0 != ":" }
        }
        return host == "localhost" || host == "127.0.0.1" || host == "::1"
    }
}
