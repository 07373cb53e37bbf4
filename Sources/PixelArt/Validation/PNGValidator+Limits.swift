/// The rules a sprite must meet, with defaults that accept any sane PNG up to 4096 px a side.
extension PNGValidator {
    /// Limits and rules; every field has a default, so a partial JSON or YAML object decodes.
    package struct Limits: Sendable, Codable, Equatable {
        /// Most pixels (width × height as declared in IHDR) the validator will decode: the decompression-bomb guard.
        package var maxPixels: Int
        /// Smallest allowed width and height.
        package var minSize: Int
        /// Largest allowed width and height.
        package var maxSize: Int
        /// Largest allowed file, in bytes.
        package var maxFileSize: Int
        /// Most distinct RGBA colours; nil for no limit.
        package var maxColors: Int?
        /// Width and height must be multiples of this (a warning unless `severities` says otherwise); nil for none.
        package var multipleOf: Int?
        /// Whether width and height must be powers of two (an error when on).
        package var requirePowerOfTwo: Bool
        /// Whether partial alpha is an error (true) or only a warning (false).
        package var requireBinaryAlpha: Bool
        /// When set, every visible pixel's RGB must be one of these colours' RGB (fully transparent pixels are exempt).
        package var palette: [RGBA]?
        /// A regular expression the whole file name must match (checked only when a name is given);
        /// the default asks for lowercase snake_case ending in `.png`, as Bevy asset paths conventionally are.
        package var namePattern: String
        /// Overrides the default severity of any issue code, for example `["not_multiple_of": .error]`.
        package var severities: [String: ValidationIssue.Severity]

        package init(
            maxPixels: Int = PNGCodec.defaultMaxPixels,
            minSize: Int = 1,
            maxSize: Int = 4096,
            maxFileSize: Int = 10 * 1024 * 1024,
            maxColors: Int? = nil,
            multipleOf: Int? = nil,
            requirePowerOfTwo: Bool = false,
            requireBinaryAlpha: Bool = false,
            palette: [RGBA]? = nil,
            severities: [String: ValidationIssue.Severity] = [:],
            namePattern: String = Limits.defaultNamePattern
        ) {
            self.maxPixels = maxPixels
            self.minSize = minSize
            self.maxSize = maxSize
            self.maxFileSize = maxFileSize
            self.maxColors = maxColors
            self.multipleOf = multipleOf
            self.requirePowerOfTwo = requirePowerOfTwo
            self.requireBinaryAlpha = requireBinaryAlpha
            self.palette = palette
            self.severities = severities
            self.namePattern = namePattern
        }

        /// Lowercase letters, digits, `_` and `-`, starting with a letter or digit, then `.png`.
        package static let defaultNamePattern = "[a-z0-9][a-z0-9_-]*\\.png"

        /// The snake_case wire names.

        enum CodingKeys: String, CodingKey {
            case maxPixels = "max_pixels"
            case minSize = "min_size"
            case maxSize = "max_size"
            case maxFileSize = "max_file_size"
            case maxColors = "max_colors"
            case multipleOf = "multiple_of"
            case requirePowerOfTwo = "require_power_of_two"
            case requireBinaryAlpha = "require_binary_alpha"
            case palette
            case severities
            case namePattern = "name_pattern"
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Limits()
            maxPixels = try container.decodeIfPresent(Int.self, forKey: .maxPixels) ?? defaults.maxPixels
            minSize = try container.decodeIfPresent(Int.self, forKey: .minSize) ?? defaults.minSize
            maxSize = try container.decodeIfPresent(Int.self, forKey: .maxSize) ?? defaults.maxSize
            maxFileSize = try container.decodeIfPresent(Int.self, forKey: .maxFileSize) ?? defaults.maxFileSize
            maxColors = try container.decodeIfPresent(Int.self, forKey: .maxColors)
            multipleOf = try container.decodeIfPresent(Int.self, forKey: .multipleOf)
            requirePowerOfTwo = try container.decodeIfPresent(Bool.self, forKey: .requirePowerOfTwo) ?? false
            requireBinaryAlpha = try container.decodeIfPresent(Bool.self, forKey: .requireBinaryAlpha) ?? false
            palette = try container.decodeIfPresent([RGBA].self, forKey: .palette)
            severities =
                try container.decodeIfPresent([String: ValidationIssue.Severity].self, forKey: .severities) ?? [:]
            namePattern = try container.decodeIfPresent(String.self, forKey: .namePattern) ?? defaults.namePattern
        }
    }
}
