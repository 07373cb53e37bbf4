import Foundation
import MCP
import NIOHTTP1

/// Answers every HTTP request: the checks every path shares first (Host and Origin, then the bearer token), then
/// `/mcp`, `/metrics` and `/healthz`.
///
/// Runs on the connection's event loop and never waits: the MCP session answers or starts a task, the health check
/// runs in a task of its own.
final class HTTPRouter: Sendable {
    private let origins: OriginPolicy
    private let token: BearerToken?
    private let mcp: MCPEndpoint?
    private let monitoring: MonitoringEndpoint

    /// - Parameters:
    ///   - origins: Which browser origins may call.
    ///   - token: The token every request but `/healthz` must carry; nil: none.
    ///   - mcp: The MCP endpoint; nil on a listener that serves only `/metrics` and `/healthz`.
    ///   - monitoring: `/metrics` and `/healthz`.
    init(origins: OriginPolicy, token: BearerToken?, mcp: MCPEndpoint?, monitoring: MonitoringEndpoint) {
        self.origins = origins
        self.token = token
        self.mcp = mcp
        self.monitoring = monitoring
    }

    func handle(_ request: HTTPRequest, responder: HTTPResponder) {
        let host = request.header(HTTPHeaderName.host)
        guard origins.admits(host: host) else {
            return responder.reply(
                .error(
                    .misdirectedRequest,
                    .invalidRequest(
                        "this server listens on loopback and answers only to localhost, 127.0.0.1 or [::1], "
                            + "not to Host '\(host ?? "")'"
                    )
                )
            )
        }
        let origin = request.header(HTTPHeaderName.origin)
        guard origins.admits(origin) else {
            return responder.reply(
                .error(
                    .forbidden,
                    .invalidRequest(
                        "origin '\(origin ?? "")' is not allowed: only localhost origins and those in "
                            + "http.allowed_origins may call this server"
                    )
                )
            )
        }
        let path = request.path ?? "/"
        if path == MonitoringEndpoint.healthPath {
            return monitoring.health(request, responder: responder)
        }
        if let token {
            let offered = request.header(HTTPHeaderName.authorization)
            guard token.admits(offered) else {
                let message =
                    offered == nil
                    ? "this server needs a bearer token: send 'Authorization: Bearer <http.token>'"
                    : "the bearer token is wrong"
                return responder.reply(
                    .error(
                        .unauthorized,
                        .invalidRequest(message),
                        headers: [(HTTPHeaderName.wwwAuthenticate, BearerToken.challenge(offered: offered != nil))]
                    )
                )
            }
        }
        switch path {
        case MCPEndpoint.path:
            guard let mcp else { return responder.reply(Self.notFound(path)) }
            mcp.handle(request, responder: responder)
        case MonitoringEndpoint.metricsPath:
            monitoring.metrics(request, responder: responder)
        default:
            responder.reply(Self.notFound(path))
        }
    }

    private static func notFound(_ path: String) -> HTTPReply {
        .error(.notFound, .invalidRequest("nothing at \(path): the MCP endpoint is /mcp (also /metrics, /healthz)"))
    }

    /// 405 naming the methods `path` takes.
    static func methodNotAllowed(_ method: String, path: String, allowed: [String]) -> HTTPReply {
        .error(
            .methodNotAllowed,
            .invalidRequest("\(path) takes \(allowed.joined(separator: ", ")), not \(method)"),
            headers: [(HTTPHeaderName.allow, allowed.joined(separator: ", "))]
        )
    }
}
