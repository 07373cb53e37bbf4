import Testing

@testable import PixelsMCP

@Suite("AcceptHeader: which answer forms a client takes")
struct AcceptHeaderTests {
    @Test("Both listed, as MCP clients send them: both allowed")
    func both() {
        let accept = AcceptHeader("application/json, text/event-stream")
        #expect(accept.allowsJSON && accept.allowsEventStream)
    }

    @Test("Wildcards, parameters, case and whitespace")
    func wildcards() {
        #expect(AcceptHeader("*/*").allowsEventStream)
        #expect(AcceptHeader("text/*;q=0.5").allowsEventStream && !AcceptHeader("text/*").allowsJSON)
        #expect(AcceptHeader(" Application/JSON ; charset=utf-8 ").allowsJSON)
        #expect(AcceptHeader(nil).allowsJSON && AcceptHeader("").allowsEventStream)
    }

    @Test("q=0 refuses a type, and the most specific range decides")
    func qualityZero() {
        let accept = AcceptHeader("*/*, text/event-stream;q=0")
        #expect(accept.allowsJSON && !accept.allowsEventStream)
        #expect(!AcceptHeader("application/json;q=0").allowsJSON)
        #expect(AcceptHeader("text/*;q=0, text/event-stream").allowsEventStream)
    }

    @Test("JSON only, or neither")
    func onlyOne() {
        let json = AcceptHeader("application/json")
        #expect(json.allowsJSON && !json.allowsEventStream)
        let html = AcceptHeader("text/html, garbage")
        #expect(!html.allowsJSON && !html.allowsEventStream)
    }
}
