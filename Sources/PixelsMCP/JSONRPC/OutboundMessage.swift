import Foundation
import MCP

/// The JSON-RPC lines the server sends, written in one pass by `ValueJSON` (sorted keys, `/` unescaped, as the
/// SDK writes them).
enum OutboundMessage {
    /// A response carrying `result`.
    static func result(id: ID, _ result: some Encodable) throws -> Data {
        try Self.result(id: id, value: ValueEncoder.encode(result))
    }

    /// A response carrying a result already built as a `Value`.
    static func result(id: ID, value: Value) throws -> Data {
        var line = Array(#"{"id":"#.utf8)
        ValueJSON.write(try ValueEncoder.encode(id), to: &line)
        line += #","jsonrpc":"2.0","result":"#.utf8
        ValueJSON.write(value, to: &line)
        line.append(UInt8(ascii: "}"))
        return Data(line)
    }

    /// A response carrying a result whose JSON text was encoded once, ahead of time (`tools/list`).
    static func result(id: ID, json: Data) -> Data {
        var line = Array(#"{"id":"#.utf8)
        writeID(id, to: &line)
        line += #","jsonrpc":"2.0","result":"#.utf8
        line += json
        line.append(UInt8(ascii: "}"))
        return Data(line)
    }

    /// An error response; `id` is nil (written as null) when the request's id could not be read.
    static func error(id: ID?, _ error: MCPError) -> Data {
        var line = Array(#"{"error":"#.utf8)
        ValueJSON.write((try? ValueEncoder.encode(error)) ?? .object(["code": .int(error.code)]), to: &line)
        line += #","id":"#.utf8
        if let id { writeID(id, to: &line) } else { line += "null".utf8 }
        line += #","jsonrpc":"2.0"}"#.utf8
        return Data(line)
    }

    /// A notification.
    static func notification<N: MCP.Notification>(_ message: Message<N>) throws -> Data {
        ValueJSON.data(try ValueEncoder.encode(message))
    }

    private static func writeID(_ id: ID, to line: inout [UInt8]) {
        switch id {
        case .number(let number): line += String(number).utf8
        case .string(let text): ValueJSON.writeString(text, to: &line)
        }
    }
}
