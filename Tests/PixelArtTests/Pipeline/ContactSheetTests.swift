import Testing

@testable import PixelArt

@Suite("ContactSheet")
struct ContactSheetTests {
    @Test("One row per pair, both images fitted into their cells")
    func layout() {
        let before = SpriteFixtures.sprite(width: 256, height: 200, seed: 1)
        let after = SpriteFixtures.sprite(width: 16, height: 16, seed: 2)
        let sheet = ContactSheet.make([(before, after), (after, after)], cell: 64)
        #expect(sheet.width == 2 * 64 + 12 && sheet.height == 2 * 64 + 12)
        #expect(sheet.hasBinaryAlpha && !sheet.hasAlpha)
        // The enlarged 16×16 sprite fills its 64-px cell at 4×: its pixel (5, 5) is the block at 4 + 64 + 4 + 20.
        let expected = after[5, 5]
        if expected.a == 255 { #expect(sheet[72 + 21, 4 + 21] == expected) }
    }
}
