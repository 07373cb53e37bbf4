/// An image as palette indices: what an indexed PNG stores.
///
/// Pixel art repeats colours along rows, so lookups remember the last colour and hash only when it changes.
struct IndexedPixels {
    let width: Int
    let height: Int
    /// At most 256 entries.
    let palette: [RGBA]
    /// One index per pixel, row-major.
    let indices: [UInt8]

    /// Indexes `image` with its own colours in order of first appearance; nil when it has more than 256.
    init?(_ image: RGBAImage) {
        var lookup: [UInt32: UInt8] = [:]
        var palette: [RGBA] = []
        var overflow = false
        let indices = Self.mapPixels(of: image) { key in
            if let index = lookup[key] { return index }
            guard palette.count < 256 else {
                overflow = true
                return nil
            }
            let index = UInt8(palette.count)
            lookup[key] = index
            palette.append(Self.color(of: key))
            return index
        }
        guard !overflow, let indices else { return nil }
        self.init(width: image.width, height: image.height, palette: palette, indices: indices)
    }

    /// Indexes `image` against `palette` (first entry wins for duplicates).
    ///
    /// - Throws: `PixelArtError.colorNotInPalette` for the first pixel whose colour is not in `palette`.
    init(_ image: RGBAImage, palette: [RGBA]) throws(PixelArtError) {
        var lookup: [UInt32: UInt8] = [:]
        for (index, color) in palette.enumerated() {
            let key = Self.key(of: color)
            if lookup[key] == nil { lookup[key] = UInt8(index) }
        }
        var missing: UInt32?
        let indices = Self.mapPixels(of: image) { key in
            guard let index = lookup[key] else {
                missing = key
                return nil
            }
            return index
        }
        if let missing { throw .colorNotInPalette(Self.color(of: missing)) }
        guard let indices else { throw .encodeFailed("could not index the image") }
        self.init(width: image.width, height: image.height, palette: palette, indices: indices)
    }

    private init(width: Int, height: Int, palette: [RGBA], indices: [UInt8]) {
        self.width = width
        self.height = height
        self.palette = palette
        self.indices = indices
    }

    /// The same image nearest-upscaled by `factor`: each index repeated `factor` times across and down.
    func scaled(by factor: Int) -> IndexedPixels {
        guard factor > 1 else { return self }
        let scaledWidth = width * factor
        var scaled = [UInt8](repeating: 0, count: scaledWidth * height * factor)
        scaled.withUnsafeMutableBufferPointer { output in
            indices.withUnsafeBufferPointer { input in
                for y in 0..<height {
                    let rowStart = y * factor * scaledWidth
                    for x in 0..<width {
                        let index = input[y * width + x]
                        for offset in 0..<factor { output[rowStart + x * factor + offset] = index }
                    }
                    let firstRow = UnsafeMutableBufferPointer(rebasing: output[rowStart..<rowStart + scaledWidth])
                    for copy in 1..<factor {
                        let target = rowStart + copy * scaledWidth
                        _ = UnsafeMutableBufferPointer(rebasing: output[target..<target + scaledWidth])
                            .update(fromContentsOf: firstRow)
                    }
                }
            }
        }
        return IndexedPixels(width: scaledWidth, height: height * factor, palette: palette, indices: scaled)
    }

    /// Maps every pixel's key through `index`, calling it only when the colour differs from the previous pixel's;
    /// nil as soon as `index` returns nil.
    private static func mapPixels(of image: RGBAImage, _ index: (UInt32) -> UInt8?) -> [UInt8]? {
        let count = image.width * image.height
        var failed = false
        let indices = image.pixels.withUnsafeBytes { raw in
            [UInt8](unsafeUninitializedCapacity: count) { output, initialized in
                var lastKey: UInt32 = 0
                var lastIndex: UInt8?
                for pixel in 0..<count {
                    let key = raw.loadUnaligned(fromByteOffset: pixel * 4, as: UInt32.self)
                    if key != lastKey || lastIndex == nil {
                        guard let found = index(key) else {
                            failed = true
                            break
                        }
                        lastKey = key
                        lastIndex = found
                    }
                    output[pixel] = lastIndex ?? 0
                    initialized = pixel + 1
                }
            }
        }
        return failed ? nil : indices
    }

    /// The four bytes of `color` as they lie in memory, read as one integer: the lookup key.
    private static func key(of color: RGBA) -> UInt32 {
        withUnsafeBytes(of: (color.r, color.g, color.b, color.a)) { $0.loadUnaligned(as: UInt32.self) }
    }

    private static func color(of key: UInt32) -> RGBA {
        withUnsafeBytes(of: key) { RGBA($0[0], $0[1], $0[2], $0[3]) }
    }
}
