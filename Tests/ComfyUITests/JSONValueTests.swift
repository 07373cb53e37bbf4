import Foundation
import Testing

@testable import ComfyUI

@Suite struct JSONValueTests {
    @Test func integersStayExactThroughARoundTrip() throws {
        let text = #"{"seed":18446744073709551615,"steps":20,"cfg":7.5,"neg":-3,"ok":true,"none":null}"#
        let value = try JSONValue(parsing: Data(text.utf8))
        #expect(value["seed"] == .uint(18_446_744_073_709_551_615))
        #expect(value["steps"] == .int(20))
        #expect(value["cfg"] == .double(7.5))
        #expect(value["neg"]?.intValue == -3)
        #expect(value["ok"] == .bool(true))
        #expect(value["none"] == .null)
        #expect(
            String(decoding: value.encoded(), as: UTF8.self)
                == #"{"cfg":7.5,"neg":-3,"none":null,"ok":true,"seed":18446744073709551615,"steps":20}"#
        )
    }

    @Test(
        "Refuses JSON nested deeper than 128 levels before decoding it",
        arguments: [
            String(repeating: "[", count: 100_000),
            String(repeating: "{\"a\":", count: 100_000),
            String(repeating: "[", count: 129) + String(repeating: "]", count: 129),
            "{\"s\":\"]]]\\\"]]\",\"a\":" + String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
                + "}",
        ]
    )
    func refusesDeepNesting(text: String) {
        #expect(throws: JSONValue.TooDeep(limit: 128)) { try JSONValue(parsing: Data(text.utf8)) }
        #expect(ComfyEvent(text: text) == nil)
    }

    @Test("Reads JSON nested 128 levels deep; brackets inside strings do not count")
    func readsDeepestNesting() throws {
        let text =
            "{\"s\":\"[[[\\\"[[\",\"a\":" + String(repeating: "[", count: 127) + String(repeating: "]", count: 127)
            + "}"
        let value = try JSONValue(parsing: Data(text.utf8))
        #expect(value["s"] == .string("[[[\"[["))
        #expect(value["a"]?.arrayValue?.count == 1)
    }
}
