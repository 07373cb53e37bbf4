import Foundation
import Testing

@testable import PixelArt

@Suite("PNG chunk reader")
struct PNGChunkReaderTests {
    private static let sample = RawPNGWriter.png(
        width: 3,
        height: 2,
        bitDepth: 4,
        colorType: .indexed,
        samples: [0, 1, 2, 2, 1, 0],
        palette: [(0, 0, 0), (255, 255, 255), (255, 0, 0)],
        transparency: [0]
    )

    private static func file(ihdr: [UInt8], extra: [UInt8] = []) -> Data {
        Data(
            PNGChunkReader.signature + RawPNGWriter.chunk("IHDR", ihdr)
                + RawPNGWriter.chunk("IDAT", RawPNGWriter.zlibStored([0])) + RawPNGWriter.chunk("IEND", []) + extra
        )
    }

    @Test("Reads the header and lists every chunk in order")
    func readsStructure() throws {
        let structure = try PNGChunkReader.read(Self.sample)
        #expect(
            structure.header
                == PNGHeader(width: 3, height: 2, bitDepth: 4, colorType: .indexed, interlaced: false)
        )
        #expect(structure.chunks.map(\.type) == ["IHDR", "PLTE", "tRNS", "IDAT", "IEND"])
        #expect(structure.chunks[0].offset == 8)
        #expect(structure.chunks[1].length == 9)
        #expect(structure.hasPalette && structure.hasTransparency && structure.hasImageData && structure.hasEnd)
        #expect(structure.trailingByteCount == 0)
        #expect(PNGHeader.ColorType.allCases.map(\.name) == ["gray", "rgb", "indexed", "gray_alpha", "rgba"])
    }

    @Test("Counts bytes after IEND and notices a missing IEND")
    func trailingAndMissingEnd() throws {
        let bytes = [UInt8](Self.sample)
        #expect(try PNGChunkReader.read(Data(bytes + [1, 2, 3])).trailingByteCount == 3)
        let withoutEnd = try PNGChunkReader.read(Data(bytes.dropLast(12)))
        #expect(!withoutEnd.hasEnd)
        #expect(withoutEnd.trailingByteCount == 0)
    }

    @Test("Refuses non-PNG bytes, and calls a cut-off signature truncated")
    func signature() {
        #expect(throws: PixelArtError.notPNG) { try PNGChunkReader.read(Data("hello, world".utf8)) }
        #expect(throws: PixelArtError.notPNG) { try PNGChunkReader.read(Data()) }
        #expect(throws: PixelArtError.truncated(detail: "the file is 4 bytes, shorter than the 8-byte signature")) {
            try PNGChunkReader.read(Data(PNGChunkReader.signature.prefix(4)))
        }
    }

    @Test("Every prefix of a file is refused, or read as ending at a chunk boundary without IEND")
    func everyPrefix() {
        let bytes = [UInt8](Self.sample)
        let boundaries: Set<Int> = [33, 54, 67]
        for count in 0..<bytes.count - 12 {
            let result = Result { () throws(PixelArtError) in try PNGChunkReader.read(Data(bytes.prefix(count))) }
            switch result {
            case .success(let structure):
                #expect(boundaries.contains(count), "prefix of \(count) bytes read")
                #expect(!structure.hasEnd)
            case .failure(let error):
                #expect(!boundaries.contains(count), "prefix of \(count) bytes: \(error)")
            }
        }
    }

    @Test("A huge declared chunk length is reported as truncated, not read")
    func hugeLength() throws {
        var bytes = [UInt8](Self.sample)
        let plte = 8 + 25
        bytes.replaceSubrange(plte..<(plte + 4), with: [0xFF, 0xFF, 0xFF, 0xF0])
        let error = try #require(throws: PixelArtError.self) { try PNGChunkReader.read(Data(bytes)) }
        guard case .truncated(let detail) = error else {
            Issue.record("expected truncated, got \(error)")
            return
        }
        #expect(detail.contains("PLTE"))
    }

    @Test("A flipped byte is caught by the CRC, naming the chunk and its offset")
    func badCRC() throws {
        var bytes = [UInt8](Self.sample)
        let idat = try #require(try PNGChunkReader.read(Self.sample).chunks.first { $0.type == "IDAT" })
        bytes[idat.offset + 9] ^= 0x01
        #expect(throws: PixelArtError.badCRC(chunk: "IDAT", offset: idat.offset)) {
            try PNGChunkReader.read(Data(bytes))
        }
    }

    /// IHDR payloads that each break one rule, with a phrase the error must mention.
    private static let badHeaders: [([UInt8], String)] = [
        (ihdr(0, 5, [8, 6, 0, 0, 0]), "at least 1"),
        (ihdr(5, 0, [8, 6, 0, 0, 0]), "at least 1"),
        (ihdr(0x8000_0000, 1, [8, 6, 0, 0, 0]), "at most"),
        (ihdr(5, 5, [4, 2, 0, 0, 0]), "bit depth 4"),
        (ihdr(5, 5, [16, 3, 0, 0, 0]), "bit depth 16"),
        (ihdr(5, 5, [8, 5, 0, 0, 0]), "colour type 5"),
        (ihdr(5, 5, [8, 6, 1, 0, 0]), "compression"),
        (ihdr(5, 5, [8, 6, 0, 1, 0]), "filter"),
        (ihdr(5, 5, [8, 6, 0, 0, 2]), "interlace"),
        (ihdr(5, 5, [8, 6, 0, 0]), "instead of 13"),
    ]

    private static func ihdr(_ width: UInt32, _ height: UInt32, _ rest: [UInt8]) -> [UInt8] {
        RawPNGWriter.bigEndian(width) + RawPNGWriter.bigEndian(height) + rest
    }

    @Test("Refuses impossible IHDR values", arguments: badHeaders)
    func badIHDR(ihdr: [UInt8], mentions: String) throws {
        let error = try #require(throws: PixelArtError.self) { try PNGChunkReader.read(Self.file(ihdr: ihdr)) }
        guard case .invalidHeader(let detail) = error else {
            Issue.record("expected invalidHeader, got \(error)")
            return
        }
        #expect(detail.contains(mentions))
        #expect(throws: PixelArtError.invalidHeader(detail)) { try PNGChunkReader.readHeader(Self.file(ihdr: ihdr)) }
    }

    @Test("Refuses a file whose first chunk is not IHDR")
    func firstChunkNotIHDR() {
        let file = Data(PNGChunkReader.signature + RawPNGWriter.chunk("IEND", []))
        #expect(throws: PixelArtError.invalidHeader("the first chunk is IEND, not IHDR")) {
            try PNGChunkReader.read(file)
        }
    }

    @Test("readHeader looks at no more than the signature and IHDR")
    func headerOnly() throws {
        let bytes = [UInt8](Self.sample)
        let header = try PNGChunkReader.readHeader(Data(bytes.prefix(33)))
        #expect(header.width == 3 && header.height == 2 && header.bitDepth == 4)
    }

    @Test("Random bytes after a valid signature never crash the reader")
    func fuzz() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let tail = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255) }
            _ = try? PNGChunkReader.read(Data(PNGChunkReader.signature + tail))
            var mutated = [UInt8](Self.sample)
            mutated[Int.random(in: 8..<mutated.count)] = UInt8.random(in: 0...255)
            _ = try? PNGChunkReader.read(Data(mutated))
            _ = try? PNGCodec.decode(Data(mutated))
        }
    }
}
