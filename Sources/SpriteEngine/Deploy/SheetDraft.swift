import BevyAssets

/// The `sheet` options of a deploy call as given; the deployer adds the sheet's name and category.
package struct SheetDraft: Sendable, Hashable {
    package var columns: Int
    package var rows: Int?
    package var padding: Int?
    package var fps: Double?
    package var clips: [SheetOptions.Clip] = []
    /// Keep `assets/sprites/sprites.assets.ron` (bevy_asset_loader) up to date.
    package var assetCollection = false

    package init(columns: Int, rows: Int? = nil, padding: Int? = nil, fps: Double? = nil) {
        self.columns = columns
        self.rows = rows
        self.padding = padding
        self.fps = fps
    }

    /// The options `BevyDeployer` takes, for a sheet called `name` in `category`.
    func options(name: String, category: String, maxPixels: Int) -> SheetOptions {
        var options = SheetOptions(
            name: name,
            category: category,
            columns: columns,
            rows: rows,
            padding: padding ?? 0,
            fps: fps ?? SheetOptions.defaultFPS,
            clips: clips,
            assetCollection: assetCollection
        )
        options.maxPixels = maxPixels
        return options
    }
}
