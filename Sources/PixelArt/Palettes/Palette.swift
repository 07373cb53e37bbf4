/// A named, ordered list of colours a sprite may use.
package struct Palette: Sendable, Hashable, Codable {
    package var name: String
    package var colors: [RGBA]

    package init(name: String, colors: [RGBA]) {
        self.name = name
        self.colors = colors
    }

    /// The built-in palette called `name`, ignoring case, spaces, `-` and `_` (`PICO-8`, `pico8`, `endesga_32`).
    package static func named(_ name: String) -> Palette? {
        NamedPalettes.byKey[NamedPalettes.key(for: name)]
    }

    /// The canonical names of the built-in palettes, sorted.
    package static var names: [String] {
        NamedPalettes.all.map(\.name).sorted()
    }

    /// The palette colour perceptually nearest to `color`'s RGB (Oklab distance; see `PaletteMatcher`).
    ///
    /// For many lookups, `RGBAImage.quantized(to:)` converts the palette once and caches per colour.
    package func nearest(to color: RGBA) -> RGBA {
        PaletteMatcher(self).nearest(to: color)
    }

    /// Whether `color`'s RGB equals the RGB of one of the palette's colours.
    package func containsRGB(of color: RGBA) -> Bool {
        colors.contains { $0.r == color.r && $0.g == color.g && $0.b == color.b }
    }
}
