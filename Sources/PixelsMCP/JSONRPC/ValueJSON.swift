import Foundation
import MCP

/// Writes the SDK's `Value` as compact JSON text with sorted keys, in one pass over the tree.
///
/// `JSONEncoder` first copies the whole tree into its own intermediate values and then serializes those; for a
/// 1000-item batch result (1 MB of JSON) that copy was the largest allocation of the call. Strings are written as
/// UTF-8 with only what JSON requires escaped (quote, backslash, control characters); `/` is left as is, as the
/// SDK's encoder is set to do. Non-finite numbers, which JSON cannot hold, are written as `null`.
enum ValueJSON {
    static func data(_ value: Value) -> Data {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(value, to: &output)
        return Data(output)
    }

    static func write(_ value: Value, to output: inout [UInt8]) {
        switch value {
        case .null:
            output += "null".utf8
        case .bool(let flag):
            output += (flag ? "true" : "false").utf8
        case .int(let number):
            output += String(number).utf8
        case .double(let number):
            guard number.isFinite else {
                output += "null".utf8
                return
            }
            if number == number.rounded(.towardZero), abs(number) < 1e15 {
                output += String(Int64(number)).utf8  // as JSONEncoder writes whole doubles: 2, not 2.0
            } else {
                output += number.description.utf8
            }
        case .string(let text):
            writeString(text, to: &output)
        case .data(let mimeType, let data):
            writeString(data.dataURLEncoded(mimeType: mimeType), to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if let member = members[key] { write(member, to: &output) }
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += #"\""#.utf8
            case UInt8(ascii: "\\"): output += #"\\"#.utf8
            case 0x0A: output += #"\n"#.utf8
            case 0x0D: output += #"\r"#.utf8
            case 0x09: output += #"\t"#.utf8
            case 0x08: output += #"\b"#.utf8
            case 0x0C: output += #"\f"#.utf8
            case 0..<0x20:
                output += #"\u00"#.utf8
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
