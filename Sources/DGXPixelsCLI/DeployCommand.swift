import ArgumentParser
import BevyAssets
import SpriteEngine

/// `dgx-pixels deploy PROJECT SPRITE…`: sprites into a Bevy project.
struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy sprites into a Bevy project's assets/.",
        discussion: "Example: dgx-pixels deploy examples/bevy-game ./knight.png --category characters"
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
                for note in report.notes { Console.out("note: \(note)") }
            }
        } catch let error as SpriteEngineError {
            throw JobRunner.fail(error)
        }
    }
}

/// Tells job ids apart from paths on the command line.
enum JobRecordID {
    static func looksLikeID(_ text: String) -> Bool { JobRecord.isWellFormedID(text) }
}
