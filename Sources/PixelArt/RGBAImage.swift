/// An image as straight-alpha RGBA8 pixels, row-major, top row first: the value every pixel-art operation works on.
package struct RGBAImage: Hashable, Sendable {
    package let width: Int
    package let height: Int
    /// `width * height * 4` bytes: R, G, B, A for each pixel.
    package private(set) var pixels: [UInt8]

    /// An image filled with one colour (transparent by default).
    package init(width: Int, height: Int, fill: RGBA = .clear) {
        precondition(width > 0 && height > 0, "image dimensions must be positive")
        self.width = width
        self.height = height
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        if fill != .clear {
            for index in stride(from: 0, to: pixels.count, by: 4) {
                pixels[index] = fill.r
                pixels[index + 1] = fill.g
                pixels[index + 2] = fill.b
                pixels[index + 3] = fill.a
            }
        }
        self.pixels = pixels
    }

    /// Wraps existing RGBA8 bytes; nil when the byte count does not match the dimensions.
    package init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width > 0, height > 0, pixels.count == width * height * 4 else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Wraps bytes the caller built for these dimensions (operations that fill a buffer in one pass).
    init(width: Int, height: Int, validPixels: [UInt8]) {
        precondition(width > 0 && height > 0 && validPixels.count == width * height * 4, "pixel count mismatch")
        self.width = width
        self.height = height
        self.pixels = validPixels
    }

    /// The pixel bytes, for operations that rewrite them in place (copied first only if shared).
    mutating func withUnsafeMutablePixels<Result>(_ body: (UnsafeMutableBufferPointer<UInt8>) -> Result) -> Result {
        pixels.withUnsafeMutableBufferPointer { body($0) }
    }

    /// The colour at (x, y); (0, 0) is the top-left pixel.
    package subscript(x: Int, y: Int) -> RGBA {
        get {
            let index = (y * width + x) * 4
            return RGBA(pixels[index], pixels[index + 1], pixels[index + 2], pixels[index + 3])
        }
        set {
            let index = (y * width + x) * 4
            pixels[index] = newValue.r
            pixels[index + 1] = newValue.g
            pixels[index + 2] = newValue.b
            pixels[index + 3] = newValue.a
        }
    }

    /// Whether (x, y) lies inside the image.
    package func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }
}
