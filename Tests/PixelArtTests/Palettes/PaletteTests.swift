import Foundation
import Testing

@testable import PixelArt

@Suite("Palettes")
struct PaletteTests {
    @Test(
        "Every named palette loads with its published colour count",
        arguments: [
            ("pico-8", 16), ("sweetie-16", 16), ("endesga-32", 32), ("gameboy", 4), ("cga", 16), ("c64", 16),
            ("nes", 55),
        ]
    )
    func namedCounts(name: String, count: Int) throws {
        let palette = try #require(Palette.named(name))
        #expect(palette.name == name)
        #expect(palette.colors.count == count)
        #expect(Set(palette.colors).count == count, "colours are distinct")
        let allOpaque = palette.colors.allSatisfy { $0.isOpaque }
        #expect(allOpaque)
    }

    @Test("Names are sorted and canonical")
    func names() {
        #expect(Palette.names == ["c64", "cga", "endesga-32", "gameboy", "nes", "pico-8", "sweetie-16"])
    }

    @Test("Lookup ignores case, dashes, underscores and spaces")
    func aliases() {
        for alias in ["PICO-8", "pico8", "Pico_8"] { #expect(Palette.named(alias)?.name == "pico-8") }
        for alias in ["endesga32", "ENDESGA 32", "Endesga-32"] { #expect(Palette.named(alias)?.name == "endesga-32") }
        #expect(Palette.named("Game-Boy")?.name == "gameboy")
        #expect(Palette.named("C64")?.name == "c64")
        #expect(Palette.named("no-such-palette") == nil)
    }

    @Test("Published colours are where they belong")
    func spotChecks() throws {
        #expect(
            try #require(Palette.named("gameboy")).colors.map(\.hex) == ["#0f380f", "#306230", "#8bac0f", "#9bbc0f"]
        )
        #expect(try #require(Palette.named("pico-8")).colors[8] == RGBA(255, 0, 77))
        #expect(try #require(Palette.named("cga")).colors[6] == RGBA(0xAA, 0x55, 0x00))
        #expect(try #require(Palette.named("endesga-32")).colors.last == RGBA(0xC2, 0x85, 0x69))
    }

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

    @Test("Nearest picks the perceptually closest colour and returns palette members exactly")
    func nearest() throws {
        let gameboy = try #require(Palette.named("gameboy"))
        #expect(gameboy.nearest(to: RGBA(0, 0, 0)) == RGBA(0x0F, 0x38, 0x0F))
        #expect(gameboy.nearest(to: RGBA(255, 255, 255)) == RGBA(0x9B, 0xBC, 0x0F))
        let pico8 = try #require(Palette.named("pico-8"))
        for color in pico8.colors { #expect(pico8.nearest(to: color) == color) }
        #expect(pico8.nearest(to: RGBA(250, 5, 70)) == RGBA(255, 0, 77))
        let greys = Palette(name: "greys", colors: [RGBA(0, 0, 0), RGBA(128, 128, 128), RGBA(255, 255, 255)])
        #expect(greys.nearest(to: RGBA(120, 130, 125)) == RGBA(128, 128, 128))
    }
}
