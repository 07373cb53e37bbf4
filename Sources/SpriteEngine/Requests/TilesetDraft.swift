import Foundation

/// The arguments of a tileset call as given (MCP `generate_tileset`, CLI `tileset`), before validation.
///
/// `resolve` applies the one set of rules for both surfaces; every error names the argument and what it accepts.
package struct TilesetDraft: Sendable, Hashable {
    package var terrain: String?
    package var edge: String?
    package var tileSize: Int?
    package var layout: String?
    package var style: String?
    /// A palette name, `none`, or hex colours (as `palette` of a sprite).
    package var palette: OptionValue?
    package var seed: Int?
    package var name: String?
    package var force = false

    package init(terrain: String? = nil) {
        self.terrain = terrain
    }

    /// The category every tileset is recorded under (deploys place them in `assets/tilesets/`).
    package static let category = "tilesets"

    /// Validates every argument and returns the request: the terrain is the prompt, the style gives the palette.
    package func resolve(with configuration: Configuration) throws(SpriteEngineError) -> SpriteRequest {
        guard let rawTerrain = terrain else {
            throw .invalidArgument(field: "terrain", message: "is required: the main terrain, e.g. 'grass'")
        }
        let terrain = rawTerrain.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !terrain.isEmpty, terrain.count <= 2000 else {
            throw .invalidArgument(
                field: "terrain",
                message: "must be 1-2000 characters naming a terrain, e.g. 'grass'"
            )
        }
        var cleanEdge: String?
        if let edge {
            let trimmed = edge.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= 2000 else {
                throw .invalidArgument(
                    field: "edge",
                    message: "must be 1-2000 characters naming the second terrain (e.g. 'water'); leave it out for "
                        + "a terrain over transparency"
                )
            }
            cleanEdge = trimmed
        }
        let range = TilesetSpec.tileSizeRange
        let tileSize = self.tileSize ?? TilesetSpec.defaultTileSize
        guard range.contains(tileSize) else {
            throw .invalidArgument(
                field: "tile_size",
                message: "must be an integer \(range.lowerBound)-\(range.upperBound), got \(tileSize)"
            )
        }
        let layouts = TilesetLayout.allCases.map(\.rawValue)
        guard let layout = TilesetLayout(rawValue: self.layout ?? TilesetLayout.wang16.rawValue) else {
            throw .invalidArgument(
                field: "layout",
                message: "must be one of \(layouts.joined(separator: ", ")), got '\(self.layout ?? "")'"
            )
        }
        var sprite = SpriteDraft(prompt: terrain)
        sprite[.style] = style.map(OptionValue.text)
        sprite[.palette] = palette
        sprite[.seed] = seed.map(OptionValue.int)
        sprite[.name] = .text(
            name ?? SpriteName.slug(from: [terrain, cleanEdge].compactMap { $0 }.joined(separator: "_"))
        )
        sprite[.category] = .text(Self.category)
        sprite[.outline] = .flag(false)
        sprite[.background] = .text("transparent")
        sprite[.force] = .flag(force)
        var request = try sprite.resolve(with: configuration)
        let tileset = TilesetRequest(edge: cleanEdge, tileSize: tileSize, layout: layout)
        let image = tileset.imageSize
        let limits = configuration.limits
        if max(image.width, image.height) > limits.maxEdge || image.width * image.height > limits.maxPixels {
            throw .invalidArgument(
                field: "tile_size",
                message: "makes a \(image.width)x\(image.height) \(layout.rawValue) image, over limits.max_edge "
                    + "(\(limits.maxEdge)) or limits.max_pixels (\(limits.maxPixels)): give a smaller tile_size"
            )
        }
        // The painter snaps to the palette when there is one; the style's colour budget is for single sprites.
        request.maxColors = request.palette?.colors.count ?? 256
        request.size = image
        request.dither = .none
        request.tileset = tileset
        return request
    }
}
