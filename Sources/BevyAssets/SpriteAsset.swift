import Foundation
import PixelArt

/// One sprite to deploy: its PNG bytes, where it goes (`sprites/<category>/<name>.png`) and how it was made.
package struct SpriteAsset: Sendable, Equatable {
    package var name: String
    package var category: String
    package var png: Data
    package var width: Int
    package var height: Int
    package var prompt: String?
    package var seed: UInt64?
    package var engine: String?
    /// The layout when the PNG is already an animation sheet (frames × directions), deployed with its descriptors.
    package var sheet: SheetLayout?
    /// Set for a tileset: it goes to `tilesets/<name>.png` with its `.tileset.ron` / `.tileset.json`.
    package var tileset: TilesetDescriptorFile?

    package init(
        name: String,
        category: String,
        png: Data,
        width: Int,
        height: Int,
        prompt: String? = nil,
        seed: UInt64? = nil,
        engine: String? = nil,
        sheet: SheetLayout? = nil,
        tileset: TilesetDescriptorFile? = nil
    ) {
        self.name = name
        self.category = category
        self.png = png
        self.width = width
        self.height = height
        self.prompt = prompt
        self.seed = seed
        self.engine = engine
        self.sheet = sheet
        self.tileset = tileset
    }

    /// `sha256:<hex>` of the PNG bytes, as the manifest and report give it.
    package var contentHash: String { "sha256:" + SHA256.hex(png) }

    /// The asset path a game loads for this sprite under `name`.
    package static func assetPath(category: String, name: String) -> String { "sprites/\(category)/\(name).png" }
}
