import Foundation
import PixelArt

extension GenerationEngine {
    /// The validator limits from `limits:` in the configuration.
    package nonisolated var validationLimits: PNGValidator.Limits { configuration.validationLimits }

    /// Validates the PNG at an absolute path or `sprite://` URI; a missing file is an error, a bad PNG a report.
    package nonisolated func validate(
        _ reference: String,
        limits: PNGValidator.Limits
    ) throws(SpriteEngineError)
        -> (URL, ValidationReport)
    {
        let url: URL
        if reference.hasPrefix("sprite://") {
            url = try store.file(for: reference)
        } else {
            guard reference.hasPrefix("/") else {
                throw .invalidArgument(
                    field: "path",
                    message: "must be an absolute path or a sprite:// URI, got '\(reference)'"
                )
            }
            url = URL(fileURLWithPath: reference)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .invalidArgument(field: "path", message: "no file at \(url.path)")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > limits.maxFileSize {
            throw .invalidArgument(
                field: "path",
                message: "\(url.path) is \(size) bytes, over the \(limits.maxFileSize)-byte limit"
            )
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .invalidArgument(field: "path", message: "cannot read \(url.path): \(error.localizedDescription)")
        }
        return (url, PNGValidator(limits: limits).validate(data, fileName: url.lastPathComponent))
    }
}
