import Foundation

/// `assets/sprites/manifest.json`: every deployed sprite by `<category>/<name>`, for games and tools to look up.
package struct Manifest: Codable, Equatable, Sendable {
    /// Where a sprite sheet's descriptors are and how its grid is cut.
    package struct Sheet: Codable, Equatable, Sendable {
        /// Asset path of `<name>.sheet.ron`.
        package var ron: String
        /// Asset path of `<name>.sheet.json`.
        package var json: String
        package var tileSizeX: Int
        package var tileSizeY: Int
        package var columns: Int
        package var rows: Int
        package var clips: [String]

        package init(ron: String, json: String, layout: SheetLayout) {
            self.ron = ron
            self.json = json
            tileSizeX = layout.tileSizeX
            tileSizeY = layout.tileSizeY
            columns = layout.columns
            rows = layout.rows
            clips = layout.clips.map(\.name)
        }

        enum CodingKeys: String, CodingKey {
            case ron, json, columns, rows, clips
            case tileSizeX = "tile_size_x"
            case tileSizeY = "tile_size_y"
        }
    }

    /// One deployed sprite.
    package struct Entry: Codable, Equatable, Sendable {
        /// The path a game passes to `asset_server.load`.
        package var assetPath: String
        package var category: String
        package var name: String
        package var width: Int
        package var height: Int
        package var frames: Int
        /// Set for a sprite sheet.
        package var sheet: Sheet?
        /// Set for a tileset (absent, not null, on other entries, so manifests written before tilesets stay as
        /// they were).
        package var tileset: Tileset?
        package var prompt: String?
        package var seed: UInt64?
        package var engine: String?
        /// `sha256:<hex>` of the PNG bytes.
        package var contentHash: String
        /// ISO-8601 UTC.
        package var deployedAt: String

        package init(
            assetPath: String,
            category: String,
            name: String,
            width: Int,
            height: Int,
            frames: Int = 1,
            sheet: Sheet? = nil,
            tileset: Tileset? = nil,
            prompt: String?,
            seed: UInt64?,
            engine: String?,
            contentHash: String,
            deployedAt: String
        ) {
            self.assetPath = assetPath
            self.category = category
            self.name = name
            self.width = width
            self.height = height
            self.frames = frames
            self.sheet = sheet
            self.tileset = tileset
            self.prompt = prompt
            self.seed = seed
            self.engine = engine
            self.contentHash = contentHash
            self.deployedAt = deployedAt
        }

        enum CodingKeys: String, CodingKey {
            case assetPath = "asset_path"
            case category, name, width, height, frames, sheet, tileset, prompt, seed, engine
            case contentHash = "content_hash"
            case deployedAt = "deployed_at"
        }

        // Absent values are written as null so every entry has the same keys and diffs stay line-for-line.
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(assetPath, forKey: .assetPath)
            try container.encode(category, forKey: .category)
            try container.encode(name, forKey: .name)
            try container.encode(width, forKey: .width)
            try container.encode(height, forKey: .height)
            try container.encode(frames, forKey: .frames)
            try container.encode(sheet, forKey: .sheet)
            try container.encodeIfPresent(tileset, forKey: .tileset)
            try container.encode(prompt, forKey: .prompt)
            try container.encode(seed, forKey: .seed)
            try container.encode(engine, forKey: .engine)
            try container.encode(contentHash, forKey: .contentHash)
            try container.encode(deployedAt, forKey: .deployedAt)
        }
    }

    package static let currentVersion = 1

    package var version: Int = Manifest.currentVersion
    package var generator: String = "dgx-pixels"
    package var sprites: [String: Entry] = [:]

    package init() {}

    /// The key of a sprite: `<category>/<name>`.
    package static func key(category: String, name: String) -> String { "\(category)/\(name)" }

    /// Stable bytes: sorted keys, pretty-printed, slashes unescaped, trailing newline.
    package func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail; an empty manifest is the harmless fallback.
        var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }
}
