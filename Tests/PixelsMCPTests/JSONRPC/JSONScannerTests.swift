import Foundation
import Testing

@testable import PixelsMCP

@Suite("JSONScanner: one JSON value, checked in one pass")
struct JSONScannerTests {
    private func scan(_ text: String, maxDepth: Int = 64) throws(JSONScanner.Failure) -> JSONScanner.TopLevel {
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONScanner.Failure) in try JSONScanner.scan(buffer, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    @Test(
        "Accepts what JSONSerialization accepts",
        arguments: [
            #"{}"#, #"[]"#, #"0"#, #"-0.5e+10"#, #""a\"b\\c\/\u00e9\ud83d\ude00""#, "true", "null",
            #"{"a":[1,2,{"b":null}],"c":"ドット 👾"}"#, "  {\"x\" : [ ] }\n",
        ]
    )
    func accepts(_ text: String) throws {
        _ = try scan(text)
        #expect(throws: Never.self) {
            try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
        }
    }

    @Test(
        "Refuses what is not one JSON value",
        arguments: [
            "", "{", "{\"a\":}", "[1,]", "{\"a\" 1}", "01", "1.", "-", "1e", "tru", "nul", "\"\u{01}\"", "\"\\x\"",
            "\"\\u12g4\"", "{} {}", "{'a':1}", "[1 2]", "\"open", "{\"a\":1,}",
        ]
    )
    func refuses(_ text: String) {
        #expect(throws: JSONScanner.Failure.self) { try scan(text) }
    }

    @Test("Refuses invalid UTF-8: overlongs, surrogates, stray continuation bytes, truncated sequences")
    func refusesBadUTF8() {
        for bytes: [UInt8] in [
            [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xFF],
        ] {
            let data = Data([UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")])
            let thrown = data.withUnsafeBytes { bytes -> Bool in
                do {
                    _ = try JSONScanner.scan(bytes, maxDepth: 8)
                    return false
                } catch {
                    return true
                }
            }
            #expect(thrown, "\(bytes)")
        }
    }

    @Test(
        "Refuses a lone surrogate escape, as the decoders after it do",
        arguments: [#""\uDefa""#, #""\ud83d""#, #""\ud83dx""#, #""\ud83d\u0041""#, #""\ude00\ud83d""#]
    )
    func refusesLoneSurrogates(_ text: String) {
        #expect(throws: JSONScanner.Failure.self) { try scan(text) }
        #expect(throws: (any Error).self) {
            try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
        }
    }

    @Test(
        "Refuses a number too large for a double, as the decoders after it do; tiny and long ones are read",
        arguments: [
            ("4e444644444440", false), ("[1e400]", false), ("-1e999", false), ("1e-400", true),
            ("1.7976931348623157e308", true), ("123456789012345678901234567890", true),
        ]
    )
    func numberRange(_ text: String, accepted: Bool) {
        let scanned = (try? scan(text)) != nil
        let decoded = (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) != nil
        #expect(scanned == accepted)
        #expect(decoded == accepted)
    }

    @Test("Nesting beyond the limit is refused at once, arrays and objects alike")
    func depth() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONScanner.Failure.tooDeep(limit: 64)) { try scan(deep) }
        let objects = String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(throws: JSONScanner.Failure.tooDeep(limit: 64)) { try scan(objects) }
        let atLimit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try scan(atLimit)
    }

    @Test("Records a top-level object's members with their value ranges; the last duplicate wins")
    func members() throws {
        let text = #"{"jsonrpc":"2.0","id":7,"method":"tools\/call","params":{"a":[1]},"id":8}"#
        guard case .object(let members) = try scan(text) else {
            Issue.record("not an object")
            return
        }
        let data = Data(text.utf8)
        func value(_ key: String) throws -> String {
            let range = try #require(members.ranges[key])
            return String(decoding: data[range], as: UTF8.self)
        }
        #expect(try value("id") == "8")
        #expect(try value("params") == #"{"a":[1]}"#)
        let method = try #require(members.ranges["method"])
        #expect(data.withUnsafeBytes { JSONScanner.string(in: $0, at: method) } == "tools/call")
    }
}
