import PixelArt

/// Describes an animation sheet the way Bevy cuts it: `TextureAtlasLayout::from_grid(UVec2::new(frame_width,
/// frame_height), columns, rows, None, None)`, plus one clip per row.
///
/// Frame indices count left to right, then top to bottom, as `from_grid` numbers them; clip `walk_left` on row 1 of
/// an 8-column sheet runs 8…15.
package struct AnimationSheetLayout: Codable, Sendable, Equatable {
    /// One row of the sheet: the animation seen from one direction, named `<animation>_<direction>`.
    package struct Clip: Codable, Sendable, Equatable {
        package var name: String
        package var first: Int
        package var last: Int
        package var fps: Double
        /// Whether the game should repeat the clip (idle, walk, run) or hold its last frame (attack, hurt, death).
        package var loops: Bool
    }

    /// One column per frame.
    package var columns: Int
    /// One row per direction, in `SheetDirections.rows` order.
    package var rows: Int
    package var frameWidth: Int
    package var frameHeight: Int
    package var clips: [Clip]

    enum CodingKeys: String, CodingKey {
        case columns, rows, clips
        case frameWidth = "frame_width"
        case frameHeight = "frame_height"
    }

    /// The layout of `animation` over `directions`, `frames` frames of `width` × `height` each.
    init(
        animation: SpriteAnimation,
        directions: [SpriteDirection],
        frames: Int,
        fps: Double,
        width: Int,
        height: Int
    ) {
        columns = frames
        rows = directions.count
        frameWidth = width
        frameHeight = height
        clips = directions.enumerated().map { row, direction in
            Clip(
                name: "\(animation.rawValue)_\(direction.rawValue)",
                first: row * frames,
                last: row * frames + frames - 1,
                fps: fps,
                loops: animation.loops
            )
        }
    }
}

extension AnimationSheetLayout {
    /// The sheet image: `rows` of frames laid out row by row, each row a direction, every frame
    /// `frameWidth` × `frameHeight`.
    func assemble(_ rows: [[RGBAImage]]) -> RGBAImage {
        let rowBytes = frameWidth * 4
        var bytes: [UInt8] = []
        bytes.reserveCapacity(columns * self.rows * rowBytes * frameHeight)
        for frames in rows {
            for y in 0..<frameHeight {
                for frame in frames { bytes += frame.pixels[y * rowBytes..<(y + 1) * rowBytes] }
            }
        }
        let width = columns * frameWidth
        let height = self.rows * frameHeight
        return RGBAImage(width: width, height: height, pixels: bytes) ?? RGBAImage(width: width, height: height)
    }
}
