import Foundation
import PixelArt

extension SpriteStore {
    /// Validates the PNG at an absolute path or `sprite://` URI; a missing file is an error, a bad PNG a report.
    ///
    /// The file must be a regular file no larger than `limits.maxFileSize`, checked before a byte is read.
    package func validate(
        _ reference: String,
        limits: PNGValidator.Limits
    ) throws(SpriteEngineError) -> (URL, ValidationReport) {
        let url: URL
        if reference.hasPrefix("sprite://") {
            url = try file(for: reference)
        } else {
            guard reference.hasPrefix("/") else {
                throw .invalidArgument(
                    field: "path",
                    message: "must be an absolute path or a sprite:// URI, got '\(reference)'"
                )
            }
            url = URL(fileURLWithPath: reference)
        }
        let data = try SpriteStore.readRegularFile(url, maxBytes: limits.maxFileSize, field: "path")
        return (url, PNGValidator(limits: limits).validate(data, fileName: url.lastPathComponent))
    }

    /// The bytes of the regular file at `url`, refusing anything else (a directory, a FIFO, a device such as
    /// `/dev/zero`) and anything over `maxBytes` before reading it; errors name `field`.
    package static func readRegularFile(_ url: URL, maxBytes: Int, field: String) throws(SpriteEngineError) -> Data {
        let path = url.path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw .invalidArgument(field: field, message: "no file at \(path)")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            let kind: String =
                switch attributes[.type] as? FileAttributeType {
                case .typeDirectory?: "a directory"
                case .typeCharacterSpecial?, .typeBlockSpecial?: "a device"
                case .typeSocket?: "a socket"
                default: "a FIFO or other special file"
                }
            throw .invalidArgument(field: field, message: "\(path) is not a regular file (it is \(kind))")
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > maxBytes {
            throw .invalidArgument(
                field: field,
                message: "\(path) is \(size) bytes, over the \(maxBytes)-byte limit (limits.max_file_size)"
            )
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .invalidArgument(field: field, message: "cannot read \(path): permission denied or unreadable")
        }
        defer { try? handle.close() }
        // Read one byte past the limit, so a file that grew since the check is still refused.
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        guard data.count <= maxBytes else {
            throw .invalidArgument(
                field: field,
                message: "\(path) is over the \(maxBytes)-byte limit (limits.max_file_size)"
            )
        }
        return data
    }
}
