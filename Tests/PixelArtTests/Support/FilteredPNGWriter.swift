import Foundation

@testable import PixelArt

/// A test-only writer of 8-bit, non-interlaced PNGs whose rows use chosen filter types, so every filter's edge
/// cases (the first row, the first pixel of a row) reach the decoder; `RawPNGWriter` always writes filter 0.
///
/// Filtering follows the PNG specification's reference formulas (with its branchy Paeth), independent of
/// `PNGUnfilter`.
enum FilteredPNGWriter {
    /// The zlib payload: for each row, its filter byte and the filtered bytes.
    ///
    /// `samples` holds `bpp` bytes per pixel, row-major; row y uses `filters[y % filters.count]`.
    static func filteredRows(width: Int, height: Int, bpp: Int, samples: [UInt8], filters: [UInt8]) -> [UInt8] {
        let rowBytes = width * bpp
        var payload: [UInt8] = []
        var above = [UInt8](repeating: 0, count: rowBytes)
        for y in 0..<height {
            let row = Array(samples[(y * rowBytes)..<((y + 1) * rowBytes)])
            let filter = filters[y % filters.count]
            payload.append(filter)
            for index in 0..<rowBytes {
                let left = index >= bpp ? Int(row[index - bpp]) : 0
                let up = Int(above[index])
                let corner = index >= bpp ? Int(above[index - bpp]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4: predictor = paeth(left, up, corner)
                default: predictor = 0
                }
                payload.append(UInt8(truncatingIfNeeded: Int(row[index]) - predictor))
            }
            above = row
        }
        return payload
    }

    /// A whole file: IHDR, `before` chunks, the zlib `stream` split into `pieces` IDAT chunks, IEND.
    static func file(
        width: Int,
        height: Int,
        colorType: PNGHeader.ColorType,
        stream: [UInt8],
        before: [(String, [UInt8])] = [],
        pieces: Int = 1
    ) -> Data {
        var file = PNGChunkReader.signature
        file += RawPNGWriter.chunk(
            "IHDR",
            RawPNGWriter.ihdr(width: width, height: height, bitDepth: 8, colorType: colorType)
        )
        for (type, data) in before { file += RawPNGWriter.chunk(type, data) }
        let size = (stream.count + pieces - 1) / pieces
        for piece in 0..<pieces {
            let start = min(piece * size, stream.count)
            file += RawPNGWriter.chunk("IDAT", Array(stream[start..<min(start + size, stream.count)]))
        }
        file += RawPNGWriter.chunk("IEND", [])
        return Data(file)
    }

    /// `filteredRows` in stored deflate blocks, as a file.
    static func png(
        width: Int,
        height: Int,
        colorType: PNGHeader.ColorType,
        samples: [UInt8],
        filters: [UInt8],
        before: [(String, [UInt8])] = [],
        pieces: Int = 1
    ) -> Data {
        let bpp = bytesPerPixel(colorType)
        let payload = filteredRows(width: width, height: height, bpp: bpp, samples: samples, filters: filters)
        return file(
            width: width,
            height: height,
            colorType: colorType,
            stream: RawPNGWriter.zlibStored(payload),
            before: before,
            pieces: pieces
        )
    }

    static func bytesPerPixel(_ colorType: PNGHeader.ColorType) -> Int {
        switch colorType {
        case .gray, .indexed: 1
        case .grayAlpha: 2
        case .rgb: 3
        case .rgba: 4
        }
    }

    /// The PNG specification's Paeth predictor, as written there.
    private static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let pa = abs(p - a)
        let pb = abs(p - b)
        let pc = abs(p - c)
        if pa <= pb && pa <= pc { return a }
        if pb <= pc { return b }
        return c
    }
}
