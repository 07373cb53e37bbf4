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
}
