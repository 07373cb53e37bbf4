import Foundation

/// Where a `ws://` URL points: the socket address, the `Host` header and the request target of the upgrade.
struct WebSocketTarget: Sendable, CustomStringConvertible {
    let host: String
    let port: Int
    /// Path and query, such as `/ws?clientId=abc`.
    let requestURI: String

    init(_ url: URL) throws(WebSocketError) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            components.scheme?.lowercased() == "ws",
            let host = components.host, !host.isEmpty
        else { throw .unsupportedURL(url.absoluteString) }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 80
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        self.requestURI = components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }

    /// `host:port`, with IPv6 literals in brackets as the `Host` header wants them.
    var hostHeader: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? shownHost : "\(shownHost):\(port)"
    }

    var description: String { "ws://\(hostHeader)\(requestURI)" }
}
