import Foundation

/// libFuzzer target `comfyui-events`: any bytes as a message on ComfyUI's `/ws` event stream, as a text frame
/// (`ComfyEvent(text:)`) and as a binary preview frame (`ComfyEvent(binary:)`).
///
/// Invariants: decoding never crashes; a preview's image bytes are a suffix of the frame.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: start, count: size)
    if let event = ComfyEvent(text: String(decoding: data, as: UTF8.self)) {
        _ = event.promptID
        if case .preview = event { fatalError("a text frame decoded as a binary preview") }
    }
    if let event = ComfyEvent(binary: data) {
        guard case .preview(_, _, let image) = event else { fatalError("a binary frame decoded as \(event)") }
        guard image.count <= max(0, size - 8), data.suffix(image.count) == image else {
            fatalError("the preview image is not the tail of the frame")
        }
    }
    return 0
}
