import Foundation
import MCP
import PixelArt
import Testing

@testable import PixelsMCP

/// A sheet PNG cut into its frames, with the checks a game relies on.
struct SheetFrames {
    let frames: [[RGBAImage]]

    init(png: Data, columns: Int, rows: Int) throws {
        let sheet = try PNGCodec.decode(png)
        let (width, height) = (sheet.width / columns, sheet.height / rows)
        frames = (0..<rows).map { row in
            (0..<columns).map { column in
                sheet.cropped(x: column * width, y: row * height, width: width, height: height)
            }
        }
    }

    /// Intersection over union of two frames' opaque silhouettes.
    static func silhouetteIoU(_ a: RGBAImage, _ b: RGBAImage) -> Double {
        var (both, either) = (0, 0)
        for y in 0..<a.height {
            for x in 0..<a.width {
                let (inA, inB) = (a[x, y].a > 0, b[x, y].a > 0)
                if inA && inB { both += 1 }
                if inA || inB { either += 1 }
            }
        }
        return either == 0 ? 1 : Double(both) / Double(either)
    }

    /// The share of pixels that differ between two frames.
    static func differing(_ a: RGBAImage, _ b: RGBAImage) -> Double {
        var count = 0
        for y in 0..<a.height {
            for x in 0..<a.width where a[x, y] != b[x, y] { count += 1 }
        }
        return Double(count) / Double(a.width * a.height)
    }

    /// The opaque colours a frame uses.
    static func colours(_ image: RGBAImage) -> Set<RGBA> {
        var set = Set<RGBA>()
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y].a > 0 { set.insert(image[x, y]) }
        }
        return set
    }
}

@Suite("generate_sprite animation sheets through the SDK client")
struct AnimationToolTests {
    @Test(
        "'a knight, walk, 4 directions' is one character in motion: one palette, overlapping yet moving frames, smooth loops, down differs from up, deployed with its clips, the same bytes again"
    )
    func knightWalk() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let project = try harness.makeBevyProject(version: "0.17")
        let arguments: [String: Value] = [
            "prompt": "a knight", "category": "character", "size": 32, "seed": 7, "animation": "walk",
            "directions": 4, "deploy_to": .string(project.path),
        ]
        let result = try await harness.call("generate_sprite", arguments)
        #expect(result.isError == false, "\(result.text)")
        let sprite = try #require(result.structuredContent?.objectValue?["sprite"]?.objectValue)
        let sheet = try #require(sprite["sheet"]?.objectValue)
        let columns = try #require(sheet["columns"]?.intValue)
        #expect(columns == 8 && sheet["rows"] == 4 && sheet["frame_width"] == 32 && sheet["frame_height"] == 32)
        let clips = try #require(sheet["clips"]?.arrayValue).compactMap(\.objectValue)
        #expect(clips.map { $0["name"]?.stringValue } == ["walk_down", "walk_left", "walk_right", "walk_up"])
        #expect(
            clips.map { $0["first"]?.intValue } == [0, 8, 16, 24]
                && clips.map { $0["last"]?.intValue } == [7, 15, 23, 31]
        )
        #expect(sprite["width"] == 256 && sprite["height"] == 128)

        let png = try Data(contentsOf: URL(fileURLWithPath: try #require(sprite["path"]?.stringValue)))
        let sheetFrames = try SheetFrames(png: png, columns: 8, rows: 4)
        let palette = sheetFrames.frames.flatMap { $0 }.reduce(into: Set<RGBA>()) {
            $0.formUnion(SheetFrames.colours($1))
        }
        #expect(palette.count <= 16, "the sheet uses \(palette.count) colours")
        for (row, frames) in sheetFrames.frames.enumerated() {
            for index in frames.indices {
                // Looping: the last frame leads back into the first as smoothly as any other step.
                let (a, b) = (frames[index], frames[(index + 1) % frames.count])
                let iou = SheetFrames.silhouetteIoU(a, b)
                let moved = SheetFrames.differing(a, b)
                #expect(iou >= 0.6, "row \(row) frame \(index): IoU \(iou)")
                #expect(moved >= 0.02, "row \(row) frame \(index): only \(moved * 100)% of pixels change")
            }
        }
        #expect(SheetFrames.differing(sheetFrames.frames[0][0], sheetFrames.frames[3][0]) >= 0.02, "down equals up")

        let ron = project.appendingPathComponent("assets/sprites/character/a-knight.sheet.ron")
        let text = try String(contentsOf: ron, encoding: .utf8)
        #expect(text.contains(#"(name: "walk_up", first: 24, last: 31, fps: 10.0, loops: true)"#))
        #expect(
            FileManager.default.fileExists(
                atPath: project.appendingPathComponent("assets/sprites/character/a-knight.sheet.json").path
            )
        )

        var again = arguments
        again["force"] = true
        again["deploy_to"] = nil
        let second = try await harness.call("generate_sprite", again)
        let secondSprite = try #require(second.structuredContent?.objectValue?["sprite"]?.objectValue)
        #expect(secondSprite["content_hash"] == sprite["content_hash"] && secondSprite["cached"] != true)
    }

    @Test(
        "Sheet options are checked: frames out of 2-16, directions not 1/4/8, an unknown animation, or frames without animation"
    )
    func refusals() async throws {
        let harness = try await MCPHarness.start { $0.limits.maxEdge = 1024 }
        defer { Task { await harness.stop() } }
        let cases: [([String: Value], String)] = [
            (["prompt": "knight", "animation": "walk", "frames": 17], "frames"),
            (["prompt": "knight", "animation": "walk", "directions": 3], "directions"),
            (["prompt": "knight", "animation": "moonwalk"], "animation"),
            (["prompt": "knight", "frames": 4], "give animation too"),
            (
                ["prompt": "knight", "animation": "walk", "frames": 16, "directions": 8, "size": 128],
                "limits.max_edge (1024)"
            ),
        ]
        for (arguments, expected) in cases {
            let result = try await harness.call("generate_sprite", arguments)
            #expect(result.isError == true && result.text.contains(expected), "\(arguments): \(result.text)")
        }
    }
}
