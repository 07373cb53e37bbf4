/// What `PNGValidator` found in one file: the header facts, colour statistics and every issue.
///
/// Fields the validator could not establish (for example the width of something that is not a PNG) are nil and
/// encoded as JSON `null`, so the report always has the same keys.
package struct ValidationReport: Codable, Sendable, Equatable {
    /// True when no issue has severity `error`.
    package var valid: Bool
    package var width: Int?
    package var height: Int?
    package var bitDepth: Int?
    /// `gray`, `rgb`, `indexed`, `gray_alpha` or `rgba`.
    package var colorType: String?
    package var interlaced: Bool?
    package var fileSize: Int
    /// Distinct RGBA colours after decoding; nil when the image was not decoded.
    package var colorCount: Int?
    /// Whether any pixel has alpha below 255; nil when not decoded.
    package var hasAlpha: Bool?
    /// Whether every alpha is 0 or 255; nil when not decoded.
    package var binaryAlpha: Bool?
    package var issues: [ValidationIssue]

    /// The snake_case wire names.

    enum CodingKeys: String, CodingKey {
        case valid
        case width
        case height
        case bitDepth = "bit_depth"
        case colorType = "color_type"
        case interlaced
        case fileSize = "file_size"
        case colorCount = "color_count"
        case hasAlpha = "has_alpha"
        case binaryAlpha = "binary_alpha"
        case issues
    }

    package init(
        valid: Bool,
        width: Int? = nil,
        height: Int? = nil,
        bitDepth: Int? = nil,
        colorType: String? = nil,
        interlaced: Bool? = nil,
        fileSize: Int,
        colorCount: Int? = nil,
        hasAlpha: Bool? = nil,
        binaryAlpha: Bool? = nil,
        issues: [ValidationIssue]
    ) {
        self.valid = valid
        self.width = width
        self.height = height
        self.bitDepth = bitDepth
        self.colorType = colorType
        self.interlaced = interlaced
        self.fileSize = fileSize
        self.colorCount = colorCount
        self.hasAlpha = hasAlpha
        self.binaryAlpha = binaryAlpha
        self.issues = issues
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(valid, forKey: .valid)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
        try container.encode(bitDepth, forKey: .bitDepth)
        try container.encode(colorType, forKey: .colorType)
        try container.encode(interlaced, forKey: .interlaced)
        try container.encode(fileSize, forKey: .fileSize)
        try container.encode(colorCount, forKey: .colorCount)
        try container.encode(hasAlpha, forKey: .hasAlpha)
        try container.encode(binaryAlpha, forKey: .binaryAlpha)
        try container.encode(issues, forKey: .issues)
    }

    /// The issues with the given code.
    package func issues(_ code: ValidationIssue.Code) -> [ValidationIssue] {
        issues.filter { $0.code == code.rawValue }
    }

    /// The issue codes in the order found.
    package var codes: [String] { issues.map(\.code) }
}
