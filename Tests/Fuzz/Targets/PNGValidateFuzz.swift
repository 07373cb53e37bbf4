import Foundation

/// libFuzzer target `png-validate`: any bytes through `PNGValidator`, which must never throw or crash and must
/// agree with the decoder on what the file is.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: start, count: size)
    var limits = PNGValidator.Limits()
    limits.maxPixels = 1 << 18
    limits.maxColors = 16
    limits.multipleOf = 8
    let (report, image) = PNGValidator(limits: limits).validateAndDecode(data, fileName: "fuzz.png")
    guard report.fileSize == size else { fatalError("the report's file size is not the input's") }
    if let image {
        guard report.width == image.width, report.height == image.height else {
            fatalError("the report's dimensions are not the decoded image's")
        }
        guard report.colorCount == image.colorCount else { fatalError("the report's colour count is wrong") }
    }
    if report.valid {
        guard image != nil, report.issues.allSatisfy({ $0.severity != .error }) else {
            fatalError("a file with errors, or one that did not decode, was reported valid")
        }
    }
    return 0
}
