import Foundation
import MCP
import NIOHTTP1

/// A whole HTTP answer: status, headers and body, written at once with a `Content-Length`.
struct HTTPReply: Sendable {
    var status: HTTPResponseStatus
    var headers: [(String, String)]
    var body: Data

    init(status: HTTPResponseStatus, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body (a JSON-RPC response, `/healthz`).
    static func json(_ body: Data, status: HTTPResponseStatus = .ok, headers: [(String, String)] = []) -> HTTPReply {
        HTTPReply(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    /// 202 Accepted with no body: what a notification or a response POSTed by the client gets.
    static let accepted = HTTPReply(status: .accepted)

    /// An HTTP error whose body is a JSON-RPC error response with `"id": null`, as the MCP transport spec allows for
    /// every refusal, so a client that reads only JSON-RPC still learns why.
    static func error(
        _ status: HTTPResponseStatus,
        _ error: MCPError,
        headers: [(String, String)] = []
    ) -> HTTPReply {
        .json(OutboundMessage.error(id: nil, error), status: status, headers: headers)
    }

    /// The same refusal as a reply from the SDK's validators, keeping their status and extra headers.
    static func from(_ response: HTTPResponse) -> HTTPReply {
        guard case .error(let code, let error, _, let extraHeaders) = response else {
            return HTTPReply(status: HTTPResponseStatus(statusCode: response.statusCode))
        }
        return .error(HTTPResponseStatus(statusCode: code), error, headers: extraHeaders.map { ($0.key, $0.value) })
    }
}
