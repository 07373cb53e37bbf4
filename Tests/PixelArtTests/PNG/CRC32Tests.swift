import Testing

@testable import PixelArt

@Suite("CRC-32")
struct CRC32Tests {
    @Test("Matches the standard check value and the CRC of an empty IEND chunk")
    func knownValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test("Checksumming in pieces equals checksumming at once")
    func continuing() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = CRC32.checksum(bytes)
        #expect(CRC32.checksum(bytes[400...], continuing: CRC32.checksum(bytes[..<400])) == whole)
    }
}
