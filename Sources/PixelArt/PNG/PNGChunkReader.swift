import Foundation

/// Walks a PNG's chunk structure without decoding pixels: signature, chunk lengths, CRCs and the IHDR.
///
/// Every read is bounds-checked against the buffer, so arbitrary bytes (truncated files, absurd declared lengths)
/// produce an error, never a crash or an over-read.
package enum PNGChunkReader {
    /// The 8 bytes every PNG file starts with.
    package static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// One chunk as laid out in the file.
    package struct Chunk: Hashable, Sendable {
        /// The four-letter chunk type, such as `IHDR`.
        package var type: String
        /// Byte offset of the chunk's length field from the start of the file.
        package var offset: Int
        /// Length of the chunk's data, excluding length, type and CRC.
        package var length: Int
    }

    /// What a complete chunk walk found.
    package struct Structure: Hashable, Sendable {
        package var header: PNGHeader
        package var chunks: [Chunk]
        package var hasPalette: Bool { chunks.contains { $0.type == "PLTE" } }
        package var hasTransparency: Bool { chunks.contains { $0.type == "tRNS" } }
        package var hasImageData: Bool { chunks.contains { $0.type == "IDAT" } }
        package var hasEnd: Bool { chunks.contains { $0.type == "IEND" } }
        /// Bytes after the IEND chunk (0 when there is no IEND).
        package var trailingByteCount: Int
    }

    /// Checks the signature and the IHDR chunk (and its CRC) only, reading at most the first 33 bytes.
    ///
    /// This is what the decompression-bomb guard needs before anything large is allocated.
    package static func readHeader(_ data: Data) throws(PixelArtError) -> PNGHeader {
        let bytes = [UInt8](data.prefix(signature.count + 12 + 13))
        try checkSignature(bytes)
        try checkFirstChunkIsIHDR(bytes)
        let (chunk, _) = try readChunk(bytes, at: signature.count)
        return try header(from: chunk, in: bytes)
    }

    /// Walks every chunk up to IEND, checking each CRC, and parses the IHDR.
    package static func read(_ data: Data) throws(PixelArtError) -> Structure {
        let bytes = [UInt8](data)
        try checkSignature(bytes)
        try checkFirstChunkIsIHDR(bytes)
        var offset = signature.count
        let (first, afterFirst) = try readChunk(bytes, at: offset)
        let header = try header(from: first, in: bytes)
        var chunks = [first]
        offset = afterFirst
        while offset < bytes.count, chunks.last?.type != "IEND" {
            let (chunk, next) = try readChunk(bytes, at: offset)
            if chunk.type == "IHDR" {
                throw .invalidHeader("a second IHDR chunk appears at byte \(chunk.offset)")
            }
            chunks.append(chunk)
            offset = next
        }
        let trailing = chunks.last?.type == "IEND" ? bytes.count - offset : 0
        return Structure(header: header, chunks: chunks, trailingByteCount: trailing)
    }

    private static func checkSignature(_ bytes: [UInt8]) throws(PixelArtError) {
        if bytes.count < signature.count {
            guard !bytes.isEmpty, signature.starts(with: bytes) else { throw .notPNG }
            throw .truncated(detail: "the file is \(bytes.count) bytes, shorter than the 8-byte signature")
        }
        guard bytes.starts(with: signature) else { throw .notPNG }
    }

    /// Refuses a first chunk that is not a 13-byte IHDR before its (possibly absurd) length is trusted.
    private static func checkFirstChunkIsIHDR(_ bytes: [UInt8]) throws(PixelArtError) {
        let start = signature.count
        guard bytes.count >= start + 8 else { return }
        let type = typeName(bytes[(start + 4)..<(start + 8)])
        guard type == "IHDR" else { throw .invalidHeader("the first chunk is \(type), not IHDR") }
        let length = PNGHeader.bigEndian(bytes, at: start)
        guard length == 13 else { throw .invalidHeader("IHDR declares \(length) data bytes instead of 13") }
    }

    /// Reads the chunk whose length field starts at `offset`; returns it and the offset just past its CRC.
    private static func readChunk(_ bytes: [UInt8], at offset: Int) throws(PixelArtError) -> (Chunk, Int) {
        let remaining = bytes.count - offset
        guard remaining >= 8 else {
            throw .truncated(detail: "the file ends \(remaining) bytes into a chunk header at byte \(offset)")
        }
        let length = PNGHeader.bigEndian(bytes, at: offset)
        let type = typeName(bytes[(offset + 4)..<(offset + 8)])
        // The spec caps lengths at 2^31-1; comparing before adding keeps the arithmetic far from overflow.
        guard length <= remaining - 12 else {
            throw .truncated(
                detail: "chunk \(type) at byte \(offset) declares \(length) data bytes but only "
                    + "\(max(0, remaining - 12)) remain"
            )
        }
        let dataEnd = offset + 8 + length
        let stored = UInt32(PNGHeader.bigEndian(bytes, at: dataEnd))
        guard CRC32.checksum(bytes[(offset + 4)..<dataEnd]) == stored else {
            throw .badCRC(chunk: type, offset: offset)
        }
        return (Chunk(type: type, offset: offset, length: length), dataEnd + 4)
    }

    private static func header(from chunk: Chunk, in bytes: [UInt8]) throws(PixelArtError) -> PNGHeader {
        guard chunk.type == "IHDR" else {
            throw .invalidHeader("the first chunk is \(chunk.type), not IHDR")
        }
        let start = chunk.offset + 8
        return try PNGHeader(ihdr: bytes[start..<(start + chunk.length)])
    }

    /// The chunk type as text; bytes that are not ASCII letters are shown as `\xNN` so messages stay readable.
    private static func typeName(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { byte in
            let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            return isLetter ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
        }.joined()
    }
}
