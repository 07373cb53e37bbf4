import AtomicFiles
import Foundation

/// Where one sprite will go and what each of its files will undergo, decided before anything is written.
struct SpritePlan: Sendable {
    var sprite: SpriteAsset
    /// The final name: the requested one, or `<name>-N` under the rename policy.
    var name: String
    var assetPath: String
    var png: URL
    var meta: URL?
    var pngAction: DeployReport.FileAction
    var metaAction: DeployReport.FileAction?
    var isRenamed: Bool
    /// The sheet's layout (its `image` set to this plan's final asset path), when the sprite is a packed sheet.
    var sheet: SheetLayout?
    /// The sheet's descriptors, `.sheet.ron` then `.sheet.json`, with what writing each would do.
    var sheetFiles: [PlannedFile] = []
    /// The tileset's descriptor (its `image` set to this plan's final asset path), when the sprite is a tileset; its
    /// `.tileset.ron` and `.tileset.json` are planned in `sheetFiles`.
    var tileset: TilesetDescriptorFile?

    /// One extra file a plan writes after its PNG.
    struct PlannedFile: Sendable {
        var url: URL
        var data: Data
        var action: DeployReport.FileAction
        var kind: DeployReport.FileKind = .sheet
    }

    var isSkipped: Bool { pngAction == .skipped }

    var spriteAction: DeployReport.SpriteAction {
        if isRenamed { return .renamed }
        switch pngAction {
        case .created: return .created
        case .replaced: return .replaced
        case .unchanged: return .unchanged
        case .skipped: return .skipped
        }
    }

    /// Plans `sprite`, avoiding `claimed` keys (`<category>/<name>`) when it has to pick a new name.
    static func make(
        for sprite: SpriteAsset,
        writer: AssetWriter,
        meta: Data?,
        policy: DeployOptions.ConflictPolicy,
        claimed: inout Set<String>
    ) throws(BevyAssetsError) -> SpritePlan {
        var name = sprite.name
        var png = try writer.plan(relativePath: sprite.assetPath(named: name))
        var pngAction = action(writing: sprite.png, to: png)
        var isRenamed = false
        if pngAction == .replaced && policy == .skip {
            pngAction = .skipped
        } else if pngAction == .replaced && policy == .rename {
            for suffix in 2... {
                name = "\(sprite.name)-\(suffix)"
                guard !claimed.contains(Manifest.key(category: sprite.category, name: name)) else { continue }
                try AssetName.validate(name, field: "name")
                png = try writer.plan(relativePath: sprite.assetPath(named: name))
                pngAction = action(writing: sprite.png, to: png)
                if pngAction != .replaced { break }
            }
            isRenamed = true
        }
        claimed.insert(Manifest.key(category: sprite.category, name: name))

        var metaURL: URL?
        var metaAction: DeployReport.FileAction?
        if let meta {
            let target = try writer.plan(relativePath: sprite.assetPath(named: name) + ".meta")
            metaURL = target
            metaAction = pngAction == .skipped ? .skipped : action(writing: meta, to: target)
        }
        return SpritePlan(
            sprite: sprite,
            name: name,
            assetPath: sprite.assetPath(named: name),
            png: png,
            meta: metaURL,
            pngAction: pngAction,
            metaAction: metaAction,
            isRenamed: isRenamed
        )
    }

    /// Makes this plan a sheet's: points `layout` at the final PNG and plans both descriptors beside it.
    mutating func attach(_ layout: SheetLayout, writer: AssetWriter) throws(BevyAssetsError) {
        var layout = layout
        layout.image = assetPath
        sheet = layout
        let ron = Data(layout.ron().utf8)
        do {
            _ = try RONReader.parse(layout.ron())
        } catch {
            throw .invalidSheet(reason: "the generated .sheet.ron does not parse (line \(error.line): \(error.reason))")
        }
        let category = sprite.category
        let targets = [
            (try writer.plan(relativePath: SheetLayout.ronPath(category: category, name: name)), ron),
            (try writer.plan(relativePath: SheetLayout.jsonPath(category: category, name: name)), layout.json()),
        ]
        sheetFiles = targets.map { url, data in
            PlannedFile(url: url, data: data, action: isSkipped ? .skipped : Self.action(writing: data, to: url))
        }
    }

    /// What writing `data` to `target` would do right now.
    static func action(writing data: Data, to target: URL) -> DeployReport.FileAction {
        guard FileSystem.kind(of: target.path) != .missing else { return .created }
        return FileSystem.contents(of: target.path) == data ? .unchanged : .replaced
    }
}
