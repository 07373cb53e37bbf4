import Testing

@testable import PixelArt

@Suite("RGBA packed key")
struct RGBAPackedTests {
    @Test("Packs as 0xRRGGBBAA and unpacks to the same colour")
    func roundTrip() {
        let color = RGBA(0x12, 0x34, 0x56, 0x78)
        #expect(color.packed == 0x1234_5678)
        #expect(RGBA(packed: color.packed) == color)
        #expect(RGBA.clear.packed == 0)
    }
}
