import Foundation
import MCP
import Testing

@testable import PixelsMCP

@Suite("ValueEncoder")
struct ValueEncoderTests {
    struct Inner: Encodable {
        var name: String
        var tags: [String]
        var scale: Double
    }

    struct Sample: Encodable {
        var id = "job-1"
        var count = 3
        var seed: UInt64 = 4_294_967_296
        var small: Int8 = -3
        var ratio = 0.25
        var whole = 2.0
        var done = true
        var missing: String? = nil
        var present: String? = "here"
        var bytes = Data([0, 1, 2, 250])
        var link = URL(fileURLWithPath: "/tmp/job-1/a.png")
        var nested = [Inner(name: "a", tags: ["x", "y"], scale: 1.5), Inner(name: "b", tags: [], scale: 0)]
        var table = ["k": [1, 2], "j": []]
        var matrix = [[1, 2], [3]]
        var optionalList: [Int?] = [1, nil, 3]
    }

    /// `Value` as canonical JSON text, for comparing two trees.
    private static func json(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("Builds the tree JSONEncoder's bytes decode to: same keys, nils left out, numbers, data, URLs, nesting")
    func matchesJSONRoundTrip() throws {
        let direct = try ValueEncoder.encode(Sample())
        let viaBytes = try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(Sample()))
        #expect(try Self.json(direct) == Self.json(viaBytes))
        guard case .object(let members) = direct else {
            Issue.record("not an object: \(direct)")
            return
        }
        #expect(members["missing"] == nil)
        #expect(members["seed"] == .int(4_294_967_296))
        #expect(members["bytes"] == .string("AAEC+g=="))
        #expect(members["optionalList"] == .array([.int(1), .null, .int(3)]))
    }

    @Test("A top-level scalar or array encodes as itself")
    func topLevel() throws {
        #expect(try ValueEncoder.encode("text") == .string("text"))
        #expect(try ValueEncoder.encode([true, false]) == .array([.bool(true), .bool(false)]))
        #expect(try ValueEncoder.encode([String: Int]()) == .object([:]))
    }
}
