import Foundation

/// `assets/sprites/sprites.assets.ron`: bevy_asset_loader's dynamic collection, one `Image` and one
/// `TextureAtlasLayout` entry per sheet, merged with what is there and written in stable key order.
package enum AssetCollection {
    /// Where the collection lives, relative to `assets/`.
    package static let relativePath = "sprites/sprites.assets.ron"

    /// The entries for one sheet: `"<category>/<name>"` (the image) and `"<category>/<name>_layout"`.
    static func entries(for layout: SheetLayout, key: String) -> [String: String] {
        var grid = "tile_size_x: \(layout.tileSizeX), tile_size_y: \(layout.tileSizeY), "
        grid += "columns: \(layout.columns), rows: \(layout.rows)"
        if layout.paddingX != 0 || layout.paddingY != 0 {
            grid += ", padding_x: \(layout.paddingX), padding_y: \(layout.paddingY)"
        }
        if layout.offsetX != 0 || layout.offsetY != 0 {
            grid += ", offset_x: \(layout.offsetX), offset_y: \(layout.offsetY)"
        }
        return [
            key: "Image(path: \(RONValue.string(layout.image).rendered), sampler: Nearest)",
            key + "_layout": "TextureAtlasLayout(\(grid))",
        ]
    }

    /// `existing` (nil when there is no file) with `entries` set, rendered as `({ "key": Value, … })`.
    static func merged(existing: String?, at path: String, entries: [String: String]) throws(BevyAssetsError) -> String
    {
        var all: [String: String] = [:]
        if let existing, !existing.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let root: RONValue
            do {
                root = try RONReader.parse(existing)
            } catch {
                throw .collectionCorrupt(path: path, reason: "line \(error.line): \(error.reason)")
            }
            let map: [RONValue.MapEntry]
            if case .tuple(nil, let items) = root, items.count == 1, case .map(let inner) = items[0] {
                map = inner
            } else if case .map(let inner) = root {
                map = inner
            } else {
                throw .collectionCorrupt(path: path, reason: "expected a map of assets `({ \"key\": …, })`")
            }
            for entry in map {
                guard case .string(let key) = entry.key else {
                    throw .collectionCorrupt(path: path, reason: "the key \(entry.key.summary) is not a string")
                }
                all[key] = entry.value.rendered
            }
        }
        all.merge(entries) { _, new in new }
        var text =
            "// bevy_asset_loader dynamic collection, kept up to date by dgx-pixels (entries sorted by key).\n({\n"
        for key in all.keys.sorted() {
            text += "    \(RONValue.string(key).rendered): \(all[key] ?? ""),\n"
        }
        text += "})\n"
        // Existing entries sit one level deeper once wrapped in `({ … })`: one already at the nesting limit would
        // make a file this reader (and the next deploy) refuses, so refuse it now, before anything is written.
        do {
            _ = try RONReader.parse(text)
        } catch {
            throw .collectionCorrupt(path: path, reason: "merged, it would be \(error.reason)")
        }
        return text
    }
}
