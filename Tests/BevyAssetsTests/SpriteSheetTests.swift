import Foundation
import PixelArt
import Testing

@testable import BevyAssets

/// A real PNG frame of `width`×`height` filled with a colour made from `shade`.
func frame(_ name: String, shade: UInt8, width: Int = 8, height: Int = 8) throws -> SpriteAsset {
    let png = try PNGCodec.encode(RGBAImage(width: width, height: height, fill: RGBA(shade, 255 - shade, 40)))
    return SpriteAsset(
        name: name,
        category: "creature",
        png: png,
        width: width,
        height: height,
        prompt: "blue slime",
        seed: UInt64(shade),
        engine: "procedural"
    )
}

@Suite("Packing frames into a sprite sheet")
struct SpriteSheetTests {
    @Test("Packs left to right then top to bottom, with transparent padding, as from_grid cuts it")
    func packsGrid() throws {
        let frames = try (0..<3).map { try frame("f\($0)", shade: UInt8(10 + $0 * 50)) }
        let options = SheetOptions(name: "slime", category: "creature", columns: 2, padding: 1, fps: 12)
        let (sheet, layout) = try SpriteSheet.pack(frames, options: options)
        #expect(sheet.width == 17 && sheet.height == 17)
        let image = try PNGCodec.decode(sheet.png)
        for (index, frame) in frames.enumerated() {
            let expected = try PNGCodec.decode(frame.png)[0, 0]
            let (x, y) = ((index % 2) * 9, (index / 2) * 9)
            #expect(image[x, y] == expected && image[x + 7, y + 7] == expected)
        }
        #expect(image[8, 0] == .clear && image[0, 8] == .clear && image[9, 9] == .clear)
        #expect(
            layout
                == SheetLayout(
                    image: "sprites/creature/slime.png",
                    tileSizeX: 8,
                    tileSizeY: 8,
                    columns: 2,
                    rows: 2,
                    paddingX: 1,
                    paddingY: 1,
                    offsetX: 0,
                    offsetY: 0,
                    frames: 3,
                    fps: 12,
                    clips: []
                )
        )
    }

    @Test("Refuses frames of different sizes, naming the odd frame")
    func oddFrame() throws {
        let frames = [try frame("a", shade: 1), try frame("b", shade: 2, width: 16), try frame("c", shade: 3)]
        #expect {
            try SpriteSheet.pack(frames, options: SheetOptions(name: "s", category: "c", columns: 3))
        } throws: { error in
            "\(error)".contains("frame 1 ('b') is 16x8 but frame 0 ('a') is 8x8")
        }
    }

    @Test("Refuses grids too small, clips outside the frames, and repeated clip names")
    func badOptions() throws {
        let frames = try (0..<4).map { try frame("f\($0)", shade: UInt8($0)) }
        let cases: [(SheetOptions, String)] = [
            (SheetOptions(name: "s", category: "c", columns: 2, rows: 1), "4 frames do not fit 2 columns x 1 rows"),
            (SheetOptions(name: "s", category: "c", columns: 0), "columns is 0"),
            (
                SheetOptions(name: "s", category: "c", columns: 4, clips: [.init(name: "idle", first: 2, last: 4)]),
                "clip 'idle' runs 2...4, but frames are 0...3"
            ),
            (
                SheetOptions(
                    name: "s",
                    category: "c",
                    columns: 4,
                    clips: [.init(name: "a", first: 0, last: 1), .init(name: "a", first: 2, last: 3)]
                ),
                "clip 'a' appears twice"
            ),
        ]
        for (options, message) in cases {
            #expect {
                try SpriteSheet.pack(frames, options: options)
            } throws: { error in
                "\(error)".contains(message)
            }
        }
    }

    @Test("The RON descriptor parses and carries every from_grid number and each clip")
    func ronDescriptor() throws {
        let frames = try (0..<4).map { try frame("f\($0)", shade: UInt8($0)) }
        let options = SheetOptions(
            name: "slime",
            category: "creature",
            columns: 4,
            clips: [.init(name: "idle", first: 0, last: 3), .init(name: "hop", first: 1, last: 2, fps: 12.5)]
        )
        let layout = try SpriteSheet.pack(frames, options: options).layout
        let root = try RONReader.parse(layout.ron())
        guard case .structure(nil, let fields) = root else {
            Issue.record("not a structure: \(root.summary)")
            return
        }
        let values = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value.rendered) })
        #expect(values["image"] == "\"sprites/creature/slime.png\"")
        #expect(values["tile_size_x"] == "8" && values["columns"] == "4" && values["rows"] == "1")
        #expect(values["padding_x"] == "0" && values["offset_y"] == "0" && values["fps"] == "8.0")
        #expect(
            values["clips"]
                == "[(name: \"idle\", first: 0, last: 3, fps: 8.0), (name: \"hop\", first: 1, last: 2, fps: 12.5)]"
        )
        let json = try #require(try JSONSerialization.jsonObject(with: layout.json()) as? [String: Any])
        #expect(json["tile_size_y"] as? Int == 8 && json["frames"] as? Int == 4)
        #expect((json["clips"] as? [[String: Any]])?.first?["name"] as? String == "idle")
    }
}
