/// How to pack a deploy's frames into one sprite sheet, and what to call it.
package struct SheetOptions: Sendable, Hashable {
    /// One named animation: frames `first...last` (indices in packing order) played at `fps`.
    package struct Clip: Sendable, Hashable {
        package var name: String
        package var first: Int
        package var last: Int
        /// Nil plays at the sheet's `fps`.
        package var fps: Double?

        package init(name: String, first: Int, last: Int, fps: Double? = nil) {
            self.name = name
            self.first = first
            self.last = last
            self.fps = fps
        }
    }

    /// The sheet's name: `<name>.png`, `<name>.sheet.ron`, `<name>.sheet.json`.
    package var name: String
    package var category: String
    package var columns: Int
    /// Nil fits every frame: `ceil(frames / columns)`.
    package var rows: Int?
    /// Transparent pixels between cells, both ways.
    package var padding: Int
    /// Default playback rate of clips that give none.
    package var fps: Double
    package var clips: [Clip]
    /// Also keep `assets/sprites/sprites.assets.ron` (bevy_asset_loader's dynamic collection) up to date.
    package var assetCollection: Bool
    /// The most pixels the packed sheet may have (`limits.max_pixels`), checked before anything is decoded.
    package var maxPixels = 16_777_216

    package static let defaultFPS = 8.0

    package init(
        name: String,
        category: String,
        columns: Int,
        rows: Int? = nil,
        padding: Int = 0,
        fps: Double = SheetOptions.defaultFPS,
        clips: [Clip] = [],
        assetCollection: Bool = false
    ) {
        self.name = name
        self.category = category
        self.columns = columns
        self.rows = rows
        self.padding = padding
        self.fps = fps
        self.clips = clips
        self.assetCollection = assetCollection
    }
}
