import CLibPNG
import Foundation

/// Decodes any PNG to RGBA8 and encodes RGBA8 images as indexed or truecolour PNGs, through libpng's simplified API.
///
/// This is the only file that touches libpng or its unsafe pointers; everything else works on `RGBAImage` values,
/// apart from `PNGFastDecoder`, which decodes the common 8-bit kinds faster and hands libpng everything else.
package enum PNGCodec {
    /// The default decompression-bomb guard: 4096 × 4096 pixels (64 MiB of RGBA8).
    package static let defaultMaxPixels = 16_777_216

    /// Decodes every PNG kind (1–16 bit, gray, palette + tRNS, RGB, alpha, interlaced) to 8-bit sRGB RGBA.
    ///
    /// The IHDR is read and `width × height` checked against `maxPixels` before anything is allocated.
    /// Non-interlaced 8-bit files take `PNGFastDecoder` (libdeflate + our unfiltering); it gives libpng's pixels and
    /// passes every other file, and every damaged one, to libpng, so errors are libpng's as before.
    package static func decode(_ data: Data, maxPixels: Int = defaultMaxPixels) throws(PixelArtError) -> RGBAImage {
        let header = try checkedHeader(data, maxPixels: maxPixels)
        if let image = data.withUnsafeBytes({ PNGFastDecoder.decode($0, header: header) }) { return image }
        return try decodeWithLibPNG(data, header: header)
    }

    /// `decode` through libpng alone: the reference the fast path is tested against.
    package static func decodeWithLibPNG(
        _ data: Data,
        maxPixels: Int = defaultMaxPixels
    ) throws(PixelArtError)
        -> RGBAImage
    {
        try decodeWithLibPNG(data, header: checkedHeader(data, maxPixels: maxPixels))
    }

    /// The IHDR, once `width × height` is known to be within `maxPixels` (the decompression-bomb guard).
    private static func checkedHeader(_ data: Data, maxPixels: Int) throws(PixelArtError) -> PNGHeader {
        let header = try PNGChunkReader.readHeader(data)
        guard header.pixelCount <= maxPixels else {
            throw .tooLarge(width: header.width, height: header.height, limit: maxPixels)
        }
        return header
    }

    private static func decodeWithLibPNG(_ data: Data, header: PNGHeader) throws(PixelArtError) -> RGBAImage {
        let result: Result<RGBAImage, PixelArtError> = data.withUnsafeBytes { raw in
            // libpng keeps reading from `raw` until finish_read returns, so both calls stay inside this closure.
            var image = png_image()
            image.version = dgx_png_image_version
            guard png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count) != 0 else {
                return .failure(.decodeFailed(message(of: &image)))
            }
            // Without this flag libpng treats 16-bit samples as linear light and brightens them on the way to sRGB.
            image.flags |= dgx_png_image_flag_16bit_srgb
            image.format = dgx_png_format_rgba
            let width = Int(image.width)
            let height = Int(image.height)
            guard width <= Int(Int32.max) / 4 else {
                png_image_free(&image)
                return .failure(.decodeFailed("the image is \(width) pixels wide, too wide to decode"))
            }
            guard width == header.width, height == header.height else {
                png_image_free(&image)
                return .failure(.decodeFailed("libpng read \(width)×\(height), the IHDR says otherwise"))
            }
            // libpng writes every byte, so skip zero-filling a buffer the size of the whole image first.
            var finished: Int32 = 0
            let pixels = [UInt8](unsafeUninitializedCapacity: width * height * 4) { buffer, initialized in
                finished = png_image_finish_read(&image, nil, buffer.baseAddress, Int32(width * 4), nil)
                initialized = finished != 0 ? buffer.count : 0
            }
            guard finished != 0 else {
                let failure = message(of: &image)
                png_image_free(&image)
                return .failure(.decodeFailed(failure))
            }
            guard let decoded = RGBAImage(width: width, height: height, pixels: pixels) else {
                return .failure(.decodeFailed("libpng returned a buffer of the wrong size"))
            }
            return .success(decoded)
        }
        return try result.get()
    }

    /// Encodes as an indexed PNG (PLTE + tRNS) when the image has at most 256 colours, else as RGBA8.
    ///
    /// Deterministic: the palette lists colours in order of first appearance, scanning rows top to bottom.
    package static func encode(_ image: RGBAImage, fast: Bool = false) throws(PixelArtError) -> Data {
        try encode(image, scaledBy: 1, fast: fast)
    }

    /// Encodes `image` nearest-upscaled by `factor`, as `encode(image.scaledNearest(by: factor))` would.
    ///
    /// Indexes the small image and repeats indices, rather than building the upscaled RGBA image and looking up
    /// each of its pixels: a 64 px sprite's 256 px preview costs a sixteenth of the colour lookups.
    package static func encode(
        _ image: RGBAImage,
        scaledBy factor: Int,
        fast: Bool = false
    ) throws(PixelArtError)
        -> Data
    {
        let factor = max(1, factor)
        guard let indexed = IndexedPixels(image) else {
            return try encodeRGBA(image.scaledNearest(by: factor), fast: fast)
        }
        return try write(indexed.scaled(by: factor), fast: fast)
    }

    /// Encodes as an 8-bit RGBA PNG (colour type 6).
    package static func encodeRGBA(_ image: RGBAImage, fast: Bool = false) throws(PixelArtError) -> Data {
        guard image.width <= Int(Int32.max) / 4 else {
            throw .encodeFailed("the image is \(image.width) pixels wide, too wide for one PNG row")
        }
        return try write(
            width: image.width,
            height: image.height,
            format: dgx_png_format_rgba,
            pixels: image.pixels,
            colormap: [],
            fast: fast
        )
    }

    /// Encodes as an indexed PNG with exactly `palette` as PLTE (and tRNS when any entry is not opaque).
    ///
    /// libpng picks the smallest bit depth (1, 2, 4 or 8) that holds the palette.
    package static func encodeIndexed(
        _ image: RGBAImage,
        palette: [RGBA],
        fast: Bool = false
    ) throws(PixelArtError) -> Data {
        guard !palette.isEmpty else { throw .invalidPalette("it has no colours") }
        guard palette.count <= 256 else { throw .paletteTooLarge(palette.count) }
        let indexed = try IndexedPixels(image, palette: palette)
        return try write(indexed, fast: fast)
    }

    private static func write(_ indexed: IndexedPixels, fast: Bool) throws(PixelArtError) -> Data {
        try write(
            width: indexed.width,
            height: indexed.height,
            format: dgx_png_format_rgba_colormap,
            pixels: indexed.indices,
            colormap: indexed.palette.flatMap { [$0.r, $0.g, $0.b, $0.a] },
            fast: fast
        )
    }

    private static func write(
        width: Int,
        height: Int,
        format: png_uint_32,
        pixels: [UInt8],
        colormap: [UInt8],
        fast: Bool
    ) throws(PixelArtError) -> Data {
        var image = png_image()
        image.version = dgx_png_image_version
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = format
        image.flags = fast ? dgx_png_image_flag_fast : 0
        image.colormap_entries = png_uint_32(colormap.count / 4)
        let rowStride = Int32(Int(dgx_png_image_row_stride(&image)))
        var capacity = Int(dgx_png_image_png_size_max(&image))
        var output = [UInt8](repeating: 0, count: capacity)
        let written = output.withUnsafeMutableBytes { memory in
            pixels.withUnsafeBytes { buffer in
                colormap.withUnsafeBytes { map in
                    png_image_write_to_memory(
                        &image,
                        memory.baseAddress,
                        &capacity,
                        0,
                        buffer.baseAddress,
                        rowStride,
                        colormap.isEmpty ? nil : map.baseAddress
                    )
                }
            }
        }
        guard written != 0 else {
            let failure = message(of: &image)
            png_image_free(&image)
            throw .encodeFailed(failure)
        }
        return Data(output.prefix(capacity))
    }

    /// libpng's error text from `image.message`, a NUL-terminated `char[64]`.
    private static func message(of image: inout png_image) -> String {
        let text = withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "unknown libpng error" : text
    }
}
