import Foundation
import Testing

@testable import PixelArt

@Suite("Palette parsing")
struct PaletteParsingTests {
    @Test("Hex lists accept #rgb, #rrggbb, #rrggbbaa, with or without # and spaces")
    func hexList() throws {
        let palette = try Palette.parse(hexList: ["#fff", "1a2b3c", " #00000080 "])
        #expect(palette.name == "custom")
        #expect(palette.colors == [RGBA(255, 255, 255), RGBA(0x1A, 0x2B, 0x3C), RGBA(0, 0, 0, 0x80)])
    }

    @Test("A bad hex entry is refused, naming the entry and its index")
    func badHex() throws {
        let error = try #require(throws: PixelArtError.self) {
            try Palette.parse(hexList: ["#000000", "#12345g"])
        }
        guard case .invalidPalette(let detail) = error else {
            Issue.record("expected invalidPalette, got \(error)")
            return
        }
        #expect(detail.contains("entry 1"))
        #expect(detail.contains("#12345g"))
        #expect(throws: PixelArtError.self) { try Palette.parse(hexList: []) }
        let tooMany = (0..<257).map { String(format: "%06x", $0) }
        #expect(throws: PixelArtError.paletteTooLarge(257)) { try Palette.parse(hexList: tooMany) }
    }

    @Test("Parses lospec .hex files, one colour per line")
    func hexFile() throws {
        let palette = try Palette.parse(fileContents: "ff0044\r\n#0099db\n\n2ce8f5\n", fileName: "palettes/my-set.hex")
        #expect(palette.name == "my-set")
        #expect(palette.colors == [RGBA(255, 0, 0x44), RGBA(0, 0x99, 0xDB), RGBA(0x2C, 0xE8, 0xF5)])
        #expect(throws: PixelArtError.self) { try Palette.parse(fileContents: "ff0044\nnope\n", fileName: "x.hex") }
        #expect(throws: PixelArtError.self) { try Palette.parse(fileContents: "ff0044", fileName: "x.png") }
    }

    @Test("Parses GIMP .gpl files, taking the Name: line and skipping comments")
    func gplFile() throws {
        let contents = """
            GIMP Palette
            Name: Tiny Set
            Columns: 4
            #
            # exported from lospec.com
            190  74  47\tTetanus
              0   0   0
            255 255 255 White
            """
        let palette = try Palette.parse(fileContents: contents, fileName: "tiny.gpl")
        #expect(palette.name == "Tiny Set")
        #expect(palette.colors == [RGBA(190, 74, 47), RGBA(0, 0, 0), RGBA(255, 255, 255)])
        let bad = "GIMP Palette\n10 20\n"
        let error = try #require(throws: PixelArtError.self) { try Palette.parse(fileContents: bad, fileName: "b.gpl") }
        #expect(error.description.contains("line 2"))
        #expect(throws: PixelArtError.self) {
            try Palette.parse(fileContents: "GIMP Palette\n300 0 0\n", fileName: "c.gpl")
        }
    }
}
