import Foundation

/// The `<name>.sheet.ron` / `<name>.sheet.json` descriptor: exactly the numbers `TextureAtlasLayout::from_grid`
/// takes (tile size, columns, rows, padding, offset), the image it cuts, and the named animation clips.
package struct SheetLayout: Codable, Sendable, Equatable {
    /// One animation: frame indices `first...last` (left to right, then top to bottom) at `fps`.
    package struct Clip: Codable, Sendable, Equatable {
        package var name: String
        package var first: Int
        package var last: Int
        package var fps: Double
        /// Whether the clip repeats (idle, walk) or holds its last frame (attack, death); absent on packed sheets.
        package var loops: Bool?

        package init(name: String, first: Int, last: Int, fps: Double, loops: Bool? = nil) {
            self.name = name
            self.first = first
            self.last = last
            self.fps = fps
            self.loops = loops
        }
    }

    package init(
        image: String = "",
        tileSizeX: Int,
        tileSizeY: Int,
        columns: Int,
        rows: Int,
        paddingX: Int = 0,
        paddingY: Int = 0,
        offsetX: Int = 0,
        offsetY: Int = 0,
        frames: Int,
        fps: Double,
        clips: [Clip]
    ) {
        self.image = image
        self.tileSizeX = tileSizeX
        self.tileSizeY = tileSizeY
        self.columns = columns
        self.rows = rows
        self.paddingX = paddingX
        self.paddingY = paddingY
        self.offsetX = offsetX
        self.offsetY = offsetY
        self.frames = frames
        self.fps = fps
        self.clips = clips
    }

    /// The asset path of the sheet's PNG.
    package var image: String
    package var tileSizeX: Int
    package var tileSizeY: Int
    package var columns: Int
    package var rows: Int
    package var paddingX: Int
    package var paddingY: Int
    package var offsetX: Int
    package var offsetY: Int
    /// How many cells hold a frame (the rest of the grid is transparent).
    package var frames: Int
    package var fps: Double
    package var clips: [Clip]

    enum CodingKeys: String, CodingKey {
        case image, columns, rows, frames, fps, clips
        case tileSizeX = "tile_size_x"
        case tileSizeY = "tile_size_y"
        case paddingX = "padding_x"
        case paddingY = "padding_y"
        case offsetX = "offset_x"
        case offsetY = "offset_y"
    }

    /// The asset path of a sheet's RON descriptor, beside its PNG.
    package static func ronPath(category: String, name: String) -> String { "sprites/\(category)/\(name).sheet.ron" }

    /// The asset path of a sheet's JSON descriptor, beside its PNG.
    package static func jsonPath(category: String, name: String) -> String {
        "sprites/\(category)/\(name).sheet.json"
    }

    /// The descriptor as RON, fields in `from_grid` order, loadable with bevy_common_assets' `RonAssetPlugin`.
    package func ron() -> String {
        var text = """
            // Written by dgx-pixels. TextureAtlasLayout::from_grid(UVec2::new(tile_size_x, tile_size_y), columns, rows,
            //     Some(UVec2::new(padding_x, padding_y)), Some(UVec2::new(offset_x, offset_y)))
            (
                image: \(RONValue.string(image).rendered),
                tile_size_x: \(tileSizeX),
                tile_size_y: \(tileSizeY),
                columns: \(columns),
                rows: \(rows),
                padding_x: \(paddingX),
                padding_y: \(paddingY),
                offset_x: \(offsetX),
                offset_y: \(offsetY),
                frames: \(frames),
                fps: \(Self.float(fps)),
                clips: [

            """
        for clip in clips {
            text += "        (name: \(RONValue.string(clip.name).rendered), first: \(clip.first), "
            text += "last: \(clip.last), fps: \(Self.float(clip.fps))"
            if let loops = clip.loops { text += ", loops: \(loops)" }
            text += "),\n"
        }
        text += "    ],\n)\n"
        return text
    }

    /// The descriptor as stable JSON (sorted keys, trailing newline), for bevy_common_assets' `JsonAssetPlugin`.
    package func json() -> Data {
        DescriptorJSON.encode(self)
    }

    /// A RON float literal (`8.0`, not `8`), so an `f32` field deserializes in every ron version.
    static func float(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? "\(Int(value)).0" : "\(value)"
    }
}
