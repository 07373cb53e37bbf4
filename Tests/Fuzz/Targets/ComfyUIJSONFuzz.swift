import Foundation

/// libFuzzer target `comfyui-json`: any bytes as a ComfyUI HTTP answer, through `JSONValue(parsing:)`.
///
/// Invariants: parsing never crashes, however deep; a parsed value encodes to JSON that parses again, and from the
/// second round on, encoding is stable byte for byte. (The first round may change a number's form once: a whole
/// double read from `184467440737095516.015` is written as `1.8446744073709552e+17`, which reads back as an integer.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: start, count: size)
    guard let value = try? JSONValue(parsing: data) else { return 0 }
    let encoded = value.encoded()
    guard let again = try? JSONValue(parsing: encoded) else {
        fatalError("encoded JSON does not parse: \(String(decoding: encoded, as: UTF8.self))")
    }
    let second = again.encoded()
    guard let third = try? JSONValue(parsing: second), third == again, third.encoded() == second else {
        fatalError("a second round trip changed the JSON: \(String(decoding: second, as: UTF8.self))")
    }
    _ = value.prettyPrinted()
    _ = value.textForm
    return 0
}
