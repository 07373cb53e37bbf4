import Foundation
import MCP

/// One message from the client, checked against JSON-RPC 2.0 before anything decodes it.
///
/// Only the envelope is read here (`jsonrpc`, `id`, `method`, where `params` lies); each method decodes its own
/// parameters from `params` when it runs, off the thread that reads the connection.
struct InboundMessage: Sendable {
    enum Kind: Sendable, Equatable {
        case request(id: ID, method: String)
        case notification(method: String)
        /// A response to a request of ours; the server sends none, so these are dropped.
        case response
    }

    /// The limits every message is checked against (`limits.max_message_bytes`, `limits.max_json_depth`).
    struct Limits: Sendable {
        var maxBytes: Int
        var maxDepth: Int
    }

    let kind: Kind
    /// The whole message as received.
    let data: Data
    /// Where the `params` value lies in `data`, when there is one.
    let paramsRange: Range<Int>?

    /// The `params` value's JSON text, or `{}` when the message has none.
    var params: Data {
        paramsRange.map { data.subdata(in: $0) } ?? Data("{}".utf8)
    }

    /// Reads `data`'s envelope; a message that is not a valid JSON-RPC 2.0 message is the error to answer with.
    static func read(_ data: Data, limits: Limits) -> Result<InboundMessage, InboundFailure> {
        guard data.count <= limits.maxBytes else {
            return .failure(
                InboundFailure(
                    id: nil,
                    error: .invalidRequest(
                        "the message is \(data.count) bytes, over the \(limits.maxBytes)-byte limit "
                            + "(limits.max_message_bytes)"
                    )
                )
            )
        }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Result<InboundMessage, InboundFailure> in
            let members: JSONScanner.Members
            do throws(JSONScanner.Failure) {
                switch try JSONScanner.scan(bytes, maxDepth: limits.maxDepth) {
                case .object(let found): members = found
                case .array:
                    return .failure(
                        InboundFailure(
                            id: nil,
                            error: .invalidRequest(
                                "JSON-RPC batches are not supported (MCP removed them in 2025-06-18): send one "
                                    + "message per line"
                            )
                        )
                    )
                case .scalar:
                    return .failure(InboundFailure(id: nil, error: .invalidRequest("a JSON-RPC message is an object")))
                }
            } catch {
                switch error {
                case .syntax(let reason, let offset):
                    return .failure(InboundFailure(id: nil, error: .parseError("\(reason) at byte \(offset)")))
                case .tooDeep(let limit):
                    return .failure(
                        InboundFailure(
                            id: nil,
                            error: .invalidRequest("nesting deeper than \(limit) levels (limits.max_json_depth)")
                        )
                    )
                }
            }
            return classify(members, bytes: bytes, data: data)
        }
    }

    private static func classify(
        _ members: JSONScanner.Members,
        bytes: UnsafeRawBufferPointer,
        data: Data
    ) -> Result<InboundMessage, InboundFailure> {
        let ranges = members.ranges
        var id: ID?
        if let range = ranges["id"] {
            guard let parsed = requestID(in: bytes, at: range) else {
                return .failure(
                    InboundFailure(
                        id: nil,
                        error: .invalidRequest("'id' must be a string or an integer from -2^63 to 2^63-1")
                    )
                )
            }
            id = parsed
        }
        guard let version = ranges["jsonrpc"], JSONScanner.string(in: bytes, at: version) == "2.0" else {
            return .failure(InboundFailure(id: id, error: .invalidRequest("'jsonrpc' must be \"2.0\"")))
        }
        guard let methodRange = ranges["method"] else {
            if id != nil, ranges["result"] != nil || ranges["error"] != nil {
                return .success(InboundMessage(kind: .response, data: data, paramsRange: nil))
            }
            return .failure(InboundFailure(id: id, error: .invalidRequest("a request needs a 'method' string")))
        }
        guard let method = JSONScanner.string(in: bytes, at: methodRange), !method.isEmpty else {
            return .failure(InboundFailure(id: id, error: .invalidRequest("'method' must be a non-empty string")))
        }
        let params = ranges["params"]
        if let params, let id, bytes[params.lowerBound] != UInt8(ascii: "{") {
            return .failure(InboundFailure(id: id, error: .invalidParams("'params' of \(method) must be an object")))
        }
        let kind: Kind = id.map { .request(id: $0, method: method) } ?? .notification(method: method)
        return .success(InboundMessage(kind: kind, data: data, paramsRange: params))
    }

    /// A string id, or an integer id that fits in `Int` (no fraction, no exponent).
    private static func requestID(in bytes: UnsafeRawBufferPointer, at range: Range<Int>) -> ID? {
        if let text = JSONScanner.string(in: bytes, at: range) { return .string(text) }
        let digits = bytes[range]
        guard digits.allSatisfy({ $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) }),
            let number = Int(String(decoding: digits, as: UTF8.self))
        else { return nil }
        return .number(number)
    }
}

/// A message refused before it reached a method: answered with `error`, to `id` when it could be read, else null.
struct InboundFailure: Error, Sendable {
    let id: ID?
    let error: MCPError
}
