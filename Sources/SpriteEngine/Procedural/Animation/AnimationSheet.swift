import PixelArt

/// An animation as one image: `layout.columns` frames across, one row per direction, and what the lead needs to
/// describe and encode it.
package struct AnimationSheet: Sendable, Equatable {
    /// `columns × frame_width` by `rows × frame_height` pixels, binary alpha.
    package let image: RGBAImage
    package let layout: AnimationSheetLayout
    /// Every colour any frame may use, the still sprite's colours among them (a style palette's colours when the
    /// spec has one); at most a few dozen, so the sheet encodes as an indexed PNG.
    package let colours: [RGBA]

    /// The frame at `index` (left to right, then top to bottom), as its own image.
    package func frame(_ index: Int) -> RGBAImage {
        let width = layout.frameWidth
        let height = layout.frameHeight
        let sheetRow = layout.columns * width * 4
        let start = (index / layout.columns) * height * sheetRow + (index % layout.columns) * width * 4
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * height * 4)
        for y in 0..<height { bytes += image.pixels[start + y * sheetRow..<start + y * sheetRow + width * 4] }
        return RGBAImage(width: width, height: height, pixels: bytes) ?? RGBAImage(width: width, height: height)
    }
}
