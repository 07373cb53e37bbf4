/// One finding of `PNGValidator`: a stable machine-readable code, its severity and a message a person can act on.
package struct ValidationIssue: Codable, Sendable, Equatable {
    /// Errors make a file invalid; warnings are reported but do not.
    package enum Severity: String, Codable, Sendable, CaseIterable {
        case error
        case warning
    }

    /// The stable issue codes, as they appear on the wire.
    package enum Code: String, Codable, Sendable, CaseIterable {
        case notPNG = "not_png"
        case truncated
        case badCRC = "bad_crc"
        case badIHDR = "bad_ihdr"
        case missingIEND = "missing_iend"
        case trailingData = "trailing_data"
        case tooLarge = "too_large"
        case decodeFailed = "decode_failed"
        case dimensionsOutOfRange = "dimensions_out_of_range"
        case notMultipleOf = "not_multiple_of"
        case notPowerOfTwo = "not_power_of_two"
        case tooManyColors = "too_many_colors"
        case nonBinaryAlpha = "non_binary_alpha"
        case fileTooLarge = "file_too_large"
        case notInPalette = "not_in_palette"
        case badName = "bad_name"
    }

    /// One of `Code`'s raw values.
    package var code: String
    package var severity: Severity
    package var message: String

    package init(code: String, severity: Severity, message: String) {
        self.code = code
        self.severity = severity
        self.message = message
    }

    package init(_ code: Code, _ severity: Severity, _ message: String) {
        self.init(code: code.rawValue, severity: severity, message: message)
    }
}
