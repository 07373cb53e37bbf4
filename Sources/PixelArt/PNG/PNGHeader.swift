/// The facts a PNG's IHDR chunk declares: dimensions, sample depth, colour type and interlacing.
package struct PNGHeader: Hashable, Sendable {
    /// The PNG colour types; the raw value is the byte stored in IHDR.
    package enum ColorType: UInt8, CaseIterable, Sendable {
        case gray = 0
        case rgb = 2
        case indexed = 3
        case grayAlpha = 4
        case rgba = 6

        /// The name used in reports (`gray`, `rgb`, `indexed`, `gray_alpha`, `rgba`).
        package var name: String {
            switch self {
            case .gray: "gray"
            case .rgb: "rgb"
            case .indexed: "indexed"
            case .grayAlpha: "gray_alpha"
            case .rgba: "rgba"
            }
        }

        /// The bit depths the PNG specification allows for this colour type.
        package var allowedBitDepths: [Int] {
            switch self {
            case .gray: [1, 2, 4, 8, 16]
            case .indexed: [1, 2, 4, 8]
            case .rgb, .grayAlpha, .rgba: [8, 16]
            }
        }
    }

    package var width: Int
    package var height: Int
    package var bitDepth: Int
    package var colorType: ColorType
    package var interlaced: Bool

    package init(width: Int, height: Int, bitDepth: Int, colorType: ColorType, interlaced: Bool) {
        self.width = width
        self.height = height
        self.bitDepth = bitDepth
        self.colorType = colorType
        self.interlaced = interlaced
    }

    /// The number of pixels the header declares, the figure the decompression-bomb guard checks.
    package var pixelCount: Int { width * height }

    /// Parses and checks the 13 bytes of IHDR data.
    package init(ihdr data: ArraySlice<UInt8>) throws(PixelArtError) {
        guard data.count == 13 else {
            throw .invalidHeader("IHDR holds \(data.count) bytes instead of 13")
        }
        let bytes = Array(data)
        let width = Self.bigEndian(bytes, at: 0)
        let height = Self.bigEndian(bytes, at: 4)
        let maximum = Int(Int32.max)
        guard width > 0, height > 0 else {
            throw .invalidHeader("the image is \(width)×\(height); width and height must be at least 1")
        }
        guard width <= maximum, height <= maximum else {
            throw .invalidHeader("the image is \(width)×\(height); width and height must be at most \(maximum)")
        }
        guard let colorType = ColorType(rawValue: bytes[9]) else {
            throw .invalidHeader("colour type \(bytes[9]) does not exist (allowed: 0, 2, 3, 4, 6)")
        }
        let bitDepth = Int(bytes[8])
        guard colorType.allowedBitDepths.contains(bitDepth) else {
            throw .invalidHeader("bit depth \(bitDepth) is not allowed for colour type \(colorType.name)")
        }
        guard bytes[10] == 0 else { throw .invalidHeader("compression method \(bytes[10]) is not 0") }
        guard bytes[11] == 0 else { throw .invalidHeader("filter method \(bytes[11]) is not 0") }
        guard bytes[12] <= 1 else { throw .invalidHeader("interlace method \(bytes[12]) is neither 0 nor 1") }
        self.init(width: width, height: height, bitDepth: bitDepth, colorType: colorType, interlaced: bytes[12] == 1)
    }

    /// The unsigned 32-bit big-endian integer at `offset` in `bytes` (whose indices start at 0).
    static func bigEndian(_ bytes: [UInt8], at offset: Int) -> Int {
        Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
    }
}
