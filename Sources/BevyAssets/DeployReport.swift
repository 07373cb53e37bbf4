/// What a deploy did (or, for a dry run, would do), in the snake_case shape the MCP tool returns.
package struct DeployReport: Codable, Sendable, Equatable {
    /// What happened to one sprite.
    package enum SpriteAction: String, Codable, Sendable {
        case created, replaced, unchanged, skipped, renamed
    }

    /// What happened to one file.
    package enum FileAction: String, Codable, Sendable {
        case created, replaced, unchanged, skipped
    }

    /// Which kind of file an operation touched.
    package enum FileKind: String, Codable, Sendable {
        case png, meta, manifest
        /// A sheet descriptor, `.sheet.ron` or `.sheet.json`.
        case sheet
        /// A tileset descriptor, `.tileset.ron` or `.tileset.json`.
        case tileset
        /// bevy_asset_loader's `sprites.assets.ron`.
        case collection
    }

    /// One sprite's result.
    package struct DeployedSprite: Codable, Sendable, Equatable {
        /// The final name (differs from the requested one when renamed).
        package var name: String
        package var category: String
        /// The string a game passes to `asset_server.load`.
        package var assetPath: String
        package var pngPath: String
        /// Nil when metas are not written.
        package var metaPath: String?
        package var action: SpriteAction
        package var contentHash: String

        enum CodingKeys: String, CodingKey {
            case name, category, action
            case assetPath = "asset_path"
            case pngPath = "png_path"
            case metaPath = "meta_path"
            case contentHash = "content_hash"
        }

        // meta_path is always present (null without a meta) so clients see one shape.
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(category, forKey: .category)
            try container.encode(assetPath, forKey: .assetPath)
            try container.encode(pngPath, forKey: .pngPath)
            try container.encode(metaPath, forKey: .metaPath)
            try container.encode(action, forKey: .action)
            try container.encode(contentHash, forKey: .contentHash)
        }
    }

    /// One file operation, in the order performed.
    package struct FileOperation: Codable, Sendable, Equatable {
        package var path: String
        package var kind: FileKind
        package var action: FileAction
        /// Where the previous file was copied before it was replaced (absent when nothing was backed up).
        package var backupPath: String?

        package init(path: String, kind: FileKind, action: FileAction, backupPath: String? = nil) {
            self.path = path
            self.kind = kind
            self.action = action
            self.backupPath = backupPath
        }

        enum CodingKeys: String, CodingKey {
            case path, kind, action
            case backupPath = "backup_path"
        }
    }

    package var project: String
    package var bevyVersion: String?
    package var versionSource: BevyProject.VersionSource
    package var loader: String
    package var dryRun: Bool
    package var sprites: [DeployedSprite]
    package var files: [FileOperation]
    package var manifestPath: String
    package var notes: [String]
    /// The layout of the sheet this deploy packed, if any.
    package var sheet: SheetLayout?
    /// This deploy's backup folder, nil when nothing was replaced (or backups are off).
    package var backupPath: String?
    /// Things that did not work but did not stop the deploy, such as a game not answering a reload request.
    package var warnings: [String] = []

    enum CodingKeys: String, CodingKey {
        case project, loader, sprites, files, notes, sheet, warnings
        case backupPath = "backup_path"
        case bevyVersion = "bevy_version"
        case versionSource = "version_source"
        case dryRun = "dry_run"
        case manifestPath = "manifest_path"
    }

    // bevy_version is always present (null when unknown) so clients see one shape.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(project, forKey: .project)
        try container.encode(bevyVersion, forKey: .bevyVersion)
        try container.encode(versionSource, forKey: .versionSource)
        try container.encode(loader, forKey: .loader)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encode(sprites, forKey: .sprites)
        try container.encode(files, forKey: .files)
        try container.encode(manifestPath, forKey: .manifestPath)
        try container.encode(notes, forKey: .notes)
        try container.encode(sheet, forKey: .sheet)
        try container.encode(backupPath, forKey: .backupPath)
        try container.encode(warnings, forKey: .warnings)
    }
}
