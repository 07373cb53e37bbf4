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

    @Test("Fully transparent palette entries are never chosen for a visible colour")
    func skipsClearEntries() {
        let palette = Palette(name: "keyed", colors: [.clear, RGBA(255, 0, 0)])
        #expect(palette.nearest(to: RGBA(0, 0, 0)) == RGBA(255, 0, 0))
    }
}
