import Foundation

/// libFuzzer target `png-decode`: any bytes through `PNGCodec.decode` (the fast path, and libpng for the rest).
///
/// Invariants beyond "does not crash": a file the fast path decodes gives libpng's pixels; every decoded image
/// encodes, and decodes back to the same pixels through both paths.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: start, count: size)
    // A small bomb guard keeps each input fast; the guard itself is exercised by every oversized header.
    let maxPixels = 1 << 18
    guard let image = try? PNGCodec.decode(data, maxPixels: maxPixels) else { return 0 }
    guard let reference = try? PNGCodec.decodeWithLibPNG(data, maxPixels: maxPixels) else {
        fatalError("the fast path decoded a file libpng refuses")
    }
    guard reference == image else { fatalError("the fast path's pixels differ from libpng's") }
    for fast in [false, true] {
        guard let encoded = try? PNGCodec.encode(image, fast: fast) else {
            fatalError("a decoded image did not encode")
        }
        guard let again = try? PNGCodec.decode(encoded, maxPixels: maxPixels), again == image else {
            fatalError("decode → encode → decode changed the pixels (fast: \(fast))")
        }
    }
    return 0
}
