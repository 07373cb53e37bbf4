import Foundation
import NIOHTTP1

/// One HTTP request as the routes see it.
struct HTTPRequest: Sendable {
    let method: HTTPMethod
    /// The path without `/api` and without the query.
    let path: String
    let query: [String: String]
    /// The `Content-Type` header, if any.
    let contentType: String?
    let body: Data

    init(head: HTTPRequestHead, body: Data) {
        method = head.method
        contentType = head.headers.first(name: "Content-Type")
        let components = URLComponents(string: "http://stand-in" + head.uri)
        var path = components?.percentEncodedPath ?? head.uri
        path = path.removingPercentEncoding ?? path
        if path == "/api" {
            path = "/"
        } else if path.hasPrefix("/api/") {
            path = String(path.dropFirst(4))
        }
        self.path = path
        var query: [String: String] = [:]
        for item in components?.queryItems ?? [] where query[item.name] == nil { query[item.name] = item.value ?? "" }
        self.query = query
        self.body = body
    }
}

/// One HTTP answer.
struct HTTPResponse: Sendable {
    var status: HTTPResponseStatus
    var headers: [(String, String)] = []
    var body = Data()

    /// A JSON answer, as aiohttp's `json_response` sends it.
    static func json(_ value: StandInJSON, status: HTTPResponseStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: value.data)
    }

    /// An empty answer (`web.Response(status=...)`).
    static func empty(_ status: HTTPResponseStatus = .ok) -> HTTPResponse { HTTPResponse(status: status) }

    /// aiohttp's plain-text error pages: 500 says "Server got itself in trouble", others "404: Not Found".
    static func error(_ code: Int) -> HTTPResponse {
        let status = HTTPResponseStatus(statusCode: code)
        let text =
            code == 500
            ? "500 Internal Server Error\n\nServer got itself in trouble" : "\(code): \(status.reasonPhrase)"
        return HTTPResponse(
            status: status,
            headers: [("Content-Type", "text/plain; charset=utf-8")],
            body: Data(text.utf8)
        )
    }
}
