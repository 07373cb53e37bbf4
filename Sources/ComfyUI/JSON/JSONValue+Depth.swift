import Foundation

extension JSONValue {
    /// The deepest nesting of arrays and objects `init(parsing:)` accepts: ComfyUI's answers nest a handful of
    /// levels; decoding much deeper recurses through Foundation's decoder once per level per type tried.
    package static let maxDepth = 128

    /// JSON nested deeper than `maxDepth`, refused before decoding.
    package struct TooDeep: Error, CustomStringConvertible, Equatable {
        package var limit: Int
        package var description: String { "JSON nested deeper than \(limit) levels" }
    }

    /// Throws `TooDeep` when arrays and objects in `bytes` nest deeper than `limit`.
    ///
    /// Brackets inside strings do not count. One linear pass, no allocation: malformed JSON is left for the decoder
    /// to refuse.
    static func checkDepth<Bytes: Collection<UInt8>>(of bytes: Bytes, limit: Int = maxDepth) throws(TooDeep) {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { throw TooDeep(limit: limit) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            default:
                break
            }
        }
    }
}
