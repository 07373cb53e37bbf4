import Foundation

/// libFuzzer target `comfyui-json`: any bytes as a ComfyUI HTTP answer, through `JSONValue(parsing:)`.
///
/// Invariants: parsing never crashes, however deep; a parsed value encodes to JSON that parses again, and that
/// second encoding is byte for byte the first (whole doubles such as `3.0` may become integers once, never more).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: start, count: size)
    guard let value = try? JSONValue(parsing: data) else { return 0 }
    let encoded = value.encoded()
    guard let again = try? JSONValue(parsing: encoded) else {
        fatalError("encoded JSON does not parse: \(String(decoding: encoded, as: UTF8.self))")
    }
    guard again.encoded() == encoded else {
        fatalError("a second round trip changed the JSON: \(String(decoding: encoded, as: UTF8.self))")
    }
    _ = value.prettyPrinted()
    _ = value.textForm
    return 0
}
