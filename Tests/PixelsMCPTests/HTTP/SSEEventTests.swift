import Foundation
import Testing

@testable import PixelsMCP

@Suite("SSEEvent: one JSON-RPC message per event")
struct SSEEventTests {
    private func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    @Test("A message is `event: message`, one data line, and a blank line")
    func message() {
        let event = SSEEvent.message(Data(#"{"jsonrpc":"2.0","id":1,"result":{}}"#.utf8))
        #expect(text(event) == "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n")
    }

    @Test("Line breaks inside the data (LF, CR, CRLF) become separate data lines, never an early end of event")
    func lineBreaks() {
        let event = SSEEvent.message(Data("{\n\"a\":1,\r\n\"b\":2\r}".utf8))
        #expect(text(event) == "event: message\ndata: {\ndata: \"a\":1,\ndata: \"b\":2\ndata: }\n\n")
        #expect(!text(event).dropLast(2).contains("\n\n"))
    }

    @Test("The keep-alive is a comment")
    func keepAlive() {
        #expect(text(SSEEvent.keepAlive).hasPrefix(":") && text(SSEEvent.keepAlive).hasSuffix("\n\n"))
    }
}
