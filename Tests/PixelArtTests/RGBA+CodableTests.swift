import Foundation
import Testing

@testable import PixelArt

@Suite("RGBA as JSON")
struct RGBACodableTests {
    @Test("Encodes as its hex string and decodes back, opaque and translucent")
    func roundTrip() throws {
        let colors = [RGBA(190, 74, 47), RGBA(0, 0, 0, 0), RGBA(255, 255, 255, 128), RGBA(1, 2, 3)]
        let data = try JSONEncoder().encode(colors)
        #expect(String(decoding: data, as: UTF8.self) == ##"["#be4a2f","#00000000","#ffffff80","#010203"]"##)
        #expect(try JSONDecoder().decode([RGBA].self, from: data) == colors)
    }

    @Test("Still reads the {r,g,b,a} objects older journals and caches hold")
    func legacyObjects() throws {
        let data = Data(#"[{"r":190,"g":74,"b":47,"a":255},{"a":0,"b":3,"g":2,"r":1}]"#.utf8)
        #expect(try JSONDecoder().decode([RGBA].self, from: data) == [RGBA(190, 74, 47), RGBA(1, 2, 3, 0)])
    }

    @Test("A string that is not a colour is a decoding error naming it")
    func badString() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RGBA].self, from: Data(##"["#zz0000"]"##.utf8))
        }
    }
}
