import Foundation

/// Server-Sent Events framing (WHATWG HTML §9.2) for the MCP streams: one JSON-RPC message per `message` event.
///
/// Events carry no `id`: streams are not resumable (nothing sent is kept, so a long-running server's memory does not
/// grow with what it has said), and without an id a client has no `Last-Event-ID` to come back with.
enum SSEEvent {
    /// One `message` event whose data is `json`.
    ///
    /// A line break inside it (`ValueJSON` never writes one: it escapes them) starts a new `data:` line, which the
    /// client joins back with `\n`.
    static func message(_ json: Data) -> Data {
        var event = Array("event: message\ndata: ".utf8)
        event.reserveCapacity(event.count + json.count + 2)
        var previous: UInt8 = 0
        for byte in json {
            switch byte {
            case UInt8(ascii: "\n") where previous == UInt8(ascii: "\r"):
                break  // the second half of a CRLF: its line was already ended
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                event += "\ndata: ".utf8
            default:
                event.append(byte)
            }
            previous = byte
        }
        event += "\n\n".utf8
        return Data(event)
    }

    /// A comment: clients ignore it; it keeps proxies from timing an idle stream out, and a write to a peer that is
    /// gone fails, which closes the stream.
    static let keepAlive = Data(": keep-alive\n\n".utf8)
}
