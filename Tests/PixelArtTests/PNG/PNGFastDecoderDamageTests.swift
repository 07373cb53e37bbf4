import Foundation
import Testing

@testable import PixelArt

/// Damaged files through the fast path: never a crash, and the same verdict libpng alone gives.
@Suite("PNG fast decoder: damaged files")
struct PNGFastDecoderDamageTests {
    /// A 16×8 RGBA image with Paeth and Sub rows, as its zlib payload (filter bytes + filtered rows).
    private static let samples: [UInt8] = {
        var random = TestRandom(seed: 11)
        return (0..<(16 * 8 * 4)).map { _ in UInt8.random(in: 0...255, using: &random) }
    }()
    private static let payload = FilteredPNGWriter.filteredRows(
        width: 16,
        height: 8,
        bpp: 4,
        samples: samples,
        filters: [4, 1]
    )

    private static func file(stream: [UInt8], pieces: Int = 1) -> Data {
        FilteredPNGWriter.file(width: 16, height: 8, colorType: .rgba, stream: stream, pieces: pieces)
    }

    /// `decode` must refuse `data` with `decodeFailed`, exactly as libpng alone does.
    private func expectDecodeFailed(_ data: Data, _ comment: Comment) {
        let error = #expect(throws: PixelArtError.self, comment) { try PNGCodec.decode(data) }
        guard let error, case .decodeFailed = error else {
            Issue.record("expected decodeFailed, got \(String(describing: error)): \(comment)")
            return
        }
        #expect(throws: error, comment) { try PNGCodec.decodeWithLibPNG(data) }
    }

    @Test(
        "Truncated IDAT, corrupt deflate data, a bad IDAT CRC, too little data, a bad Adler-32, filter 5: decodeFailed"
    )
    func refused() throws {
        let good = [UInt8](Self.file(stream: RawPNGWriter.zlibStored(Self.payload)))
        expectDecodeFailed(Data(good.prefix(good.count - 40)), "file cut inside IDAT")

        var invalidBlock = RawPNGWriter.zlibStored(Self.payload)
        invalidBlock[2] = 0x07  // BFINAL 1, BTYPE 3: a reserved block type
        expectDecodeFailed(Self.file(stream: invalidBlock), "corrupt deflate data")

        expectDecodeFailed(
            PNGFastDecoderTests.withBadCRC(Self.file(stream: RawPNGWriter.zlibStored(Self.payload)), chunk: "IDAT"),
            "bad IDAT CRC"
        )
        expectDecodeFailed(
            Self.file(stream: RawPNGWriter.zlibStored(Array(Self.payload.prefix(Self.payload.count - 65)))),
            "one row short"
        )
        // libpng reads the checksum in the same inflate call as the last row here, so it refuses this too.
        var badAdler = RawPNGWriter.zlibStored(Self.payload)
        badAdler[badAdler.count - 1] ^= 0x55
        expectDecodeFailed(Self.file(stream: badAdler), "bad Adler-32")

        var badFilter = Self.payload
        badFilter[65 * 3] = 5
        expectDecodeFailed(Self.file(stream: RawPNGWriter.zlibStored(badFilter)), "filter type 5")
    }

    @Test("What libpng accepts with a warning (an extra row, bytes after IEND) it still accepts")
    func tolerated() throws {
        let extraRow = Self.payload + Self.payload.prefix(65)
        let trailing = Self.file(stream: RawPNGWriter.zlibStored(Self.payload)) + Data("junk".utf8)
        for (name, data) in [
            ("extra row", Self.file(stream: RawPNGWriter.zlibStored(extraRow))),
            ("after IEND", trailing),
        ] {
            let image = try PNGCodec.decode(data)
            #expect(image == (try PNGCodec.decodeWithLibPNG(data)), "\(name)")
            #expect(image.pixels == Self.samples, "\(name)")
        }
    }

    @Test("Any one byte changed (chunk CRC fixed up so the change reaches the decoder): the same result as libpng")
    func mutations() throws {
        var random = TestRandom(seed: 2024)
        var image = RGBAImage(width: 24, height: 10)
        for y in 0..<10 {
            for x in 0..<24 { image[x, y] = RGBA(UInt8(x * 10), UInt8(y * 20), UInt8((x * y) & 255), 200) }
        }
        var indexed = RGBAImage(width: 20, height: 6)
        for y in 0..<6 { for x in 0..<20 { indexed[x, y] = RGBA(UInt8((x + y) % 20 * 12), 0, 0, 255) } }
        let files = [
            try PNGCodec.encodeRGBA(image), try PNGCodec.encode(indexed),
            Self.file(stream: RawPNGWriter.zlibStored(Self.payload), pieces: 3),
        ]
        var fastDecodes = 0
        for original in files {
            let chunks = try PNGChunkReader.read(original).chunks.filter { $0.type != "IHDR" }
            for _ in 0..<150 {
                guard let chunk = chunks.randomElement(using: &random), chunk.length > 0 else { continue }
                var bytes = [UInt8](original)
                let position = chunk.offset + 8 + Int.random(in: 0..<chunk.length, using: &random)
                bytes[position] = UInt8.random(in: 0...255, using: &random)
                let typeAndData = Array(bytes[(chunk.offset + 4)..<(chunk.offset + 8 + chunk.length)])
                bytes.replaceSubrange(
                    (chunk.offset + 8 + chunk.length)..<(chunk.offset + 12 + chunk.length),
                    with: RawPNGWriter.bigEndian(CRC32.checksum(typeAndData))
                )
                let data = Data(bytes)
                let ours = Result { () throws(PixelArtError) in try PNGCodec.decode(data) }
                let libpng = Result { () throws(PixelArtError) in try PNGCodec.decodeWithLibPNG(data) }
                #expect(ours == libpng, "\(chunk.type) byte \(position) = \(bytes[position])")
                let header = try PNGChunkReader.readHeader(data)
                fastDecodes += data.withUnsafeBytes { PNGFastDecoder.decode($0, header: header) } == nil ? 0 : 1
            }
        }
        // Changes to pixel bytes, ancillary chunks and the palette still decode on the fast path.
        #expect(fastDecodes > 100)
    }
}
