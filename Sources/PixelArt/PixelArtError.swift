/// Everything that can go wrong reading, writing or recolouring a sprite, with enough context to act on.
package enum PixelArtError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The bytes do not start with the 8-byte PNG signature.
    case notPNG
    /// The file ends before a chunk or the signature is complete.
    case truncated(detail: String)
    /// A chunk's stored CRC-32 does not match its type and data; `offset` is where the chunk starts.
    case badCRC(chunk: String, offset: Int)
    /// The IHDR chunk is missing, misplaced or declares impossible values.
    case invalidHeader(String)
    /// The declared dimensions exceed the pixel limit (decompression-bomb guard); nothing was decoded.
    case tooLarge(width: Int, height: Int, limit: Int)
    /// libpng refused the image data.
    case decodeFailed(String)
    /// libpng could not write the image.
    case encodeFailed(String)
    /// A pixel's colour is not one of the palette's colours.
    case colorNotInPalette(RGBA)
    /// An indexed PNG holds at most 256 colours.
    case paletteTooLarge(Int)
    /// A palette list or file could not be parsed.
    case invalidPalette(String)
    /// An adaptive palette was asked for a colour count outside 1...256.
    case invalidColorCount(Int)
    /// The requested downscale target is larger than the source in some dimension.
    case targetLargerThanSource(target: String, source: String)
    /// A pipeline option is out of range or inconsistent.
    case invalidOption(String)

    package var description: String {
        switch self {
        case .notPNG:
            "The data is not a PNG file (it does not start with the PNG signature): pass the bytes of a .png image."
        case .truncated(let detail):
            "The PNG file is truncated (\(detail)): the download or write was cut short, so fetch or regenerate it."
        case .badCRC(let chunk, let offset):
            "The PNG chunk \(chunk) at byte \(offset) fails its CRC check, so the file is corrupt: regenerate it."
        case .invalidHeader(let detail):
            "The PNG header (IHDR) is invalid: \(detail); the file is corrupt or not written by a PNG encoder."
        case .tooLarge(let width, let height, let limit):
            "The PNG declares \(width)×\(height) = \(width * height) pixels, over the limit of \(limit): "
                + "refusing to decode it; use a smaller image or raise the pixel limit."
        case .decodeFailed(let message):
            "libpng could not decode the PNG (\(message)): the image data is corrupt; regenerate the file."
        case .encodeFailed(let message):
            "libpng could not encode the image (\(message)): check the image dimensions and try again."
        case .colorNotInPalette(let color):
            "The colour \(color.hex) is not in the palette: quantize the image to the palette before encoding it."
        case .paletteTooLarge(let count):
            "The palette has \(count) colours but an indexed PNG holds at most 256: reduce the palette."
        case .invalidPalette(let detail):
            "The palette is invalid: \(detail)."
        case .invalidColorCount(let count):
            "An adaptive palette of \(count) colours is impossible: ask for 1 to 256 colours."
        case .targetLargerThanSource(let target, let source):
            "The target size \(target) is larger than the \(source) source: pixel-art downscaling only shrinks; "
                + "pick a smaller size or use size auto."
        case .invalidOption(let detail):
            "Invalid pixel-art option: \(detail)."
        }
    }
}
