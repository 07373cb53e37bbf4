import Foundation

/// Just enough of a JSON-RPC message to tell requests, responses and cancellations apart.
struct JSONRPCEnvelope: Decodable {
    var id: JSONRPCID?
    var method: String?
    var params: Params?

    /// The parameters the transport looks at: a cancellation's request id, a list call's cursor.
    struct Params: Decodable {
        var requestId: JSONRPCID?
        var cursor: String?
    }

    static func decode(_ data: Data) -> JSONRPCEnvelope? {
        try? JSONDecoder().decode(JSONRPCEnvelope.self, from: data)
    }
}

/// A JSON-RPC id, which may be a string or a number.
enum JSONRPCID: Decodable, Hashable {
    case string(String)
    case number(Int)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    var key: String {
        switch self {
        case .string(let text): "s:" + text
        case .number(let number): "n:\(number)"
        }
    }

    /// The id as JSON, for writing it back into a response.
    var json: Data {
        switch self {
        case .number(let number): Data(String(number).utf8)
        case .string(let text): (try? JSONEncoder().encode(text)) ?? Data("null".utf8)
        }
    }
}
