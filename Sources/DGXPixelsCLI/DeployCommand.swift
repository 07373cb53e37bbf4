import ArgumentParser
import BevyAssets
import SpriteEngine

/// `dgx-pixels deploy PROJECT SPRITE…`: sprites into a Bevy project.
struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy sprites into a Bevy project's assets/.",
        discussion: """
            Example: dgx-pixels deploy examples/bevy-game ./knight.png --category characters
            Sheet:   dgx-pixels deploy examples/bevy-game ./slime-frames --name slime --category creature \\
                       --sheet-columns 4 --sheet-fps 8 --sheet-clip idle:0:3
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Root of the Bevy project (holds Cargo.toml).") var project: String
    @Argument(help: "PNG files, directories of PNGs, job ids or sprite:// URIs.") var sprites: [String]
    @Option(help: "Folder under assets/sprites/.") var category: String?
    @Option(help: "New file name (one sprite only).") var name: String?
    @Option(help: "overwrite, skip or rename.") var onConflict: String?
    @Option(help: "Override the Bevy version, e.g. 0.14.") var bevyVersion: String?
    @Flag(help: "Do not write .meta files.") var noMeta = false
    @Flag(help: "List the operations without writing anything.") var dryRun = false
    @Flag(help: "Print the report as JSON.") var json = false
    @Option(help: "Pack the sprites, in order, into one sheet with this many columns (needs --name).")
    var sheetColumns: Int?
    @Option(help: "Rows of the sheet (default: enough for every frame).") var sheetRows: Int?
    @Option(help: "Transparent pixels between sheet cells.") var sheetPadding: Int?
    @Option(help: "Playback rate of clips that give none (default 8).") var sheetFps: Double?
    @Option(help: "A clip NAME:FIRST:LAST[:FPS]; repeat for more.") var sheetClip: [String] = []
    @Flag(help: "Keep assets/sprites/sprites.assets.ron (bevy_asset_loader) up to date.") var assetCollection = false
    @Flag(help: "Do not back up the files a deploy replaces.") var noBackup = false
    @Flag(help: "Ask the running game to reload the files (Bevy Remote Protocol sprites/reload).") var reload = false

    func run() async throws {
        let (configuration, _) = try global.bootstrap()
        let engine = EngineFactory.makeEngine(configuration)
        var draft = DeployDraft(
            project: GlobalOptions.absolute(project),
            sprites: sprites.map { JobRecordID.looksLikeID($0) ? $0 : GlobalOptions.absolute($0) }
        )
        draft.category = category
        draft.name = name
        draft.onConflict = onConflict
        draft.bevyVersion = bevyVersion
        draft.meta = noMeta ? false : nil
        draft.dryRun = dryRun
        draft.sheet = try sheetDraft()
        draft.backup = noBackup ? false : nil
        draft.reload = reload
        do {
            let report = try await engine.deploy(draft)
            if json {
                try Console.json(report)
            } else {
                for sprite in report.sprites {
                    Console.out(
                        "\(report.dryRun ? "would " : "")\(sprite.action.rawValue): \(sprite.pngPath)  (asset path \"\(sprite.assetPath)\")"
                    )
                }
                Console.out("manifest: \(report.manifestPath)")
                if let sheet = report.sheet {
                    Console.out(
                        "sheet: \(sheet.frames) frame(s), \(sheet.tileSizeX)x\(sheet.tileSizeY) tiles, "
                            + "\(sheet.columns) columns x \(sheet.rows) rows, clips: "
                            + sheet.clips.map(\.name).joined(separator: ", ")
                    )
                }
                if let backup = report.backupPath { Console.out("backups: \(backup)") }
                for note in report.notes { Console.out("note: \(note)") }
                for warning in report.warnings { Console.out("warning: \(warning)") }
            }
        } catch let error as SpriteEngineError {
            throw JobRunner.fail(error)
        }
    }
}

extension DeployCommand {
    /// The `--sheet-*` options as a sheet draft; nil without `--sheet-columns`.
    func sheetDraft() throws -> SheetDraft? {
        guard let columns = sheetColumns else {
            guard sheetClip.isEmpty, sheetRows == nil, sheetPadding == nil, sheetFps == nil, !assetCollection else {
                throw ValidationError(
                    "--sheet-rows, --sheet-padding, --sheet-fps, --sheet-clip and "
                        + "--asset-collection need --sheet-columns"
                )
            }
            return nil
        }
        var draft = SheetDraft(columns: columns, rows: sheetRows, padding: sheetPadding, fps: sheetFps)
        draft.assetCollection = assetCollection
        draft.clips = try sheetClip.map { text in
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 || parts.count == 4, let first = Int(parts[1]), let last = Int(parts[2]),
                parts.count == 3 || Double(parts[3]) != nil
            else {
                throw ValidationError(
                    "--sheet-clip '\(text)' is not NAME:FIRST:LAST[:FPS], e.g. idle:0:3 or walk:4:7:12"
                )
            }
            return .init(name: parts[0], first: first, last: last, fps: parts.count == 4 ? Double(parts[3]) : nil)
        }
        return draft
    }
}

/// Tells job ids apart from paths on the command line.
enum JobRecordID {
    static func looksLikeID(_ text: String) -> Bool { JobRecord.isWellFormedID(text) }
}
