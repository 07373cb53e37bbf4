import Foundation
import PixelArt

/// Packs frames of one size into a grid PNG, left to right then top to bottom, with transparent padding: the
/// image `TextureAtlasLayout::from_grid` cuts back into the same frames.
package enum SpriteSheet {
    /// Most cells along either edge of a grid.
    package static let maximumCells = 256

    /// The packed sheet as one sprite to deploy, and its layout (whose `image` the deployer fills in).
    package static func pack(
        _ frames: [SpriteAsset],
        options: SheetOptions
    ) throws(BevyAssetsError) -> (sprite: SpriteAsset, layout: SheetLayout) {
        try AssetName.validate(options.name, field: "name")
        try AssetName.validate(options.category, field: "category")
        guard let firstFrame = frames.first else { throw .invalidSheet(reason: "it has no frames") }
        if let animated = frames.first(where: { $0.sheet != nil }) {
            throw .invalidSheet(
                reason:
                    "'\(animated.name)' is already an animation sheet; deploy it on its own, not packed into another"
            )
        }
        let (columns, rows) = try grid(frames: frames.count, options: options)
        let clips = try layoutClips(options, frames: frames.count)
        // The canvas is sized by the request: checked against the limit before any frame is decoded.
        let padding = options.padding
        let width = columns * (max(1, firstFrame.width) + padding) - padding
        let height = rows * (max(1, firstFrame.height) + padding) - padding
        guard width.multipliedReportingOverflow(by: height).partialValue <= options.maxPixels,
            !width.multipliedReportingOverflow(by: height).overflow
        else {
            throw .invalidSheet(
                reason: "\(columns) columns x \(rows) rows of \(firstFrame.width)x\(firstFrame.height) frames make a "
                    + "\(width)x\(height) sheet, over limits.max_pixels (\(options.maxPixels)); use fewer columns or "
                    + "rows, less padding or smaller frames"
            )
        }

        var images: [RGBAImage] = []
        for (index, frame) in frames.enumerated() {
            do {
                images.append(try PNGCodec.decode(frame.png))
            } catch {
                throw .invalidSprite(name: frame.name, reason: "frame \(index) is not a readable PNG (\(error))")
            }
        }
        let (tileWidth, tileHeight) = (images[0].width, images[0].height)
        for (index, image) in images.enumerated() where image.width != tileWidth || image.height != tileHeight {
            throw .invalidSheet(
                reason: "frame \(index) ('\(frames[index].name)') is \(image.width)x\(image.height) but frame 0 "
                    + "('\(firstFrame.name)') is \(tileWidth)x\(tileHeight); every frame of a sheet must share one size"
            )
        }
        var sheet = RGBAImage(
            width: columns * (tileWidth + padding) - padding,
            height: rows * (tileHeight + padding) - padding
        )
        for (index, image) in images.enumerated() {
            let originX = (index % columns) * (tileWidth + padding)
            let originY = (index / columns) * (tileHeight + padding)
            for y in 0..<tileHeight {
                for x in 0..<tileWidth { sheet[originX + x, originY + y] = image[x, y] }
            }
        }
        let png: Data
        do {
            png = try PNGCodec.encode(sheet)
        } catch {
            throw .invalidSheet(reason: "the packed image could not be encoded (\(error))")
        }
        let sprite = SpriteAsset(
            name: options.name,
            category: options.category,
            png: png,
            width: sheet.width,
            height: sheet.height,
            prompt: firstFrame.prompt,
            seed: firstFrame.seed,
            engine: firstFrame.engine
        )
        let layout = SheetLayout(
            image: SpriteAsset.assetPath(category: options.category, name: options.name),
            tileSizeX: tileWidth,
            tileSizeY: tileHeight,
            columns: columns,
            rows: rows,
            paddingX: padding,
            paddingY: padding,
            offsetX: 0,
            offsetY: 0,
            frames: frames.count,
            fps: options.fps,
            clips: clips
        )
        return (sprite, layout)
    }

    /// Columns and rows, checked to hold every frame.
    private static func grid(frames: Int, options: SheetOptions) throws(BevyAssetsError) -> (Int, Int) {
        let columns = options.columns
        guard (1...maximumCells).contains(columns) else {
            throw .invalidSheet(reason: "columns is \(columns); give 1 to \(maximumCells)")
        }
        let rows = options.rows ?? (frames + columns - 1) / columns
        guard (1...maximumCells).contains(rows) else {
            throw .invalidSheet(reason: "rows is \(rows); give 1 to \(maximumCells)")
        }
        guard columns * rows >= frames else {
            throw .invalidSheet(
                reason: "\(frames) frames do not fit \(columns) columns x \(rows) rows; add rows or leave rows out"
            )
        }
        guard (0...64).contains(options.padding) else {
            throw .invalidSheet(reason: "padding is \(options.padding); give 0 to 64 pixels")
        }
        guard options.fps > 0, options.fps <= 240 else {
            throw .invalidSheet(reason: "fps is \(options.fps); give a rate above 0 and at most 240")
        }
        return (columns, rows)
    }

    /// The clips with their rate resolved, each checked against the frame count.
    private static func layoutClips(_ options: SheetOptions, frames: Int) throws(BevyAssetsError) -> [SheetLayout.Clip]
    {
        var names: Set<String> = []
        var clips: [SheetLayout.Clip] = []
        for (index, clip) in options.clips.enumerated() {
            try AssetName.validate(clip.name, field: "clips[\(index)].name")
            guard names.insert(clip.name).inserted else {
                throw .invalidSheet(reason: "clip '\(clip.name)' appears twice; give each clip its own name")
            }
            guard clip.first >= 0, clip.first <= clip.last, clip.last < frames else {
                throw .invalidSheet(
                    reason: "clip '\(clip.name)' runs \(clip.first)...\(clip.last), but frames are 0...\(frames - 1) "
                        + "and first must not exceed last"
                )
            }
            let fps = clip.fps ?? options.fps
            guard fps > 0, fps <= 240 else {
                throw .invalidSheet(reason: "clip '\(clip.name)' has fps \(fps); give a rate above 0 and at most 240")
            }
            clips.append(.init(name: clip.name, first: clip.first, last: clip.last, fps: fps))
        }
        return clips
    }
}
