import Foundation
import MCP
import Testing

@testable import PixelsMCP

@Suite("ValueJSON and the direct tools/call response line")
struct ValueJSONTests {
    /// Both texts parsed back, compared as Foundation objects (key order and number spelling aside).
    private static func sameJSON(_ left: Data, _ right: Data) throws -> Bool {
        let a = try JSONSerialization.jsonObject(with: left, options: [.fragmentsAllowed])
        let b = try JSONSerialization.jsonObject(with: right, options: [.fragmentsAllowed])
        return NSArray(array: [a]).isEqual(to: [b])
    }

    @Test("Writes what JSONEncoder writes: escapes, unicode, numbers, nesting, sorted keys")
    func matchesJSONEncoder() throws {
        let value: Value = .object([
            "quote": .string(#"say "hi" \ back/slash"#),
            "control": .string("line\nbreak\ttab\r\u{01}\u{1F}"),
            "unicode": .string("pixel ✓ ドット 👾"),
            "numbers": .array([.int(-3), .int(0), .double(2), .double(0.1), .double(-1.5e-7), .double(1e300)]),
            "flags": .array([.bool(true), .bool(false), .null]),
            "nested": .object(["b": .array([]), "a": .object([:])]),
        ])
        let ours = ValueJSON.data(value)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(try Self.sameJSON(ours, encoder.encode(value)))
        let text = String(decoding: ours, as: UTF8.self)
        #expect(text.hasPrefix(#"{"control":"line\nbreak\ttab\r\u0001\u001f","flags":[true,false,null],"#), "\(text)")
        #expect(text.contains(#""numbers":[-3,0,2,0.1,"#), "\(text)")
    }

    @Test("Non-finite doubles, which JSON cannot hold, become null")
    func nonFinite() {
        #expect(
            String(decoding: ValueJSON.data(.array([.double(.nan), .double(.infinity)])), as: UTF8.self)
                == "[null,null]"
        )
    }

    @Test("A tool result's response line is the SDK's response, written once")
    func responseLine() throws {
        let result = CallTool.Result(
            content: [
                .text(text: "Generated \"knight\"", annotations: nil, _meta: nil),
                .image(data: "iVBORw0KGgo=", mimeType: "image/png", annotations: nil, _meta: nil),
            ],
            structuredContent: .object(["job_id": .string("j1"), "sprite": .object(["seed": .int(7)])]),
            isError: false
        )
        for id in [ID.number(12), ID.string("req-1")] {
            let ours = try OutboundMessage.result(id: id, value: ValueEncoder.encode(result))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let sdk = try encoder.encode(Response<CallTool>(id: id, result: result))
            #expect(try Self.sameJSON(ours, sdk), "\(String(decoding: ours, as: UTF8.self))")
        }
    }
}
