import ArgumentParser
import BevyAssets
import Foundation
import SpriteEngine

/// `dgx-pixels tileset TERRAIN [--edge TERRAIN] [--tile-size N] [--layout wang16|blob47] …`: an autotile set from
/// the shell, the `generate_tileset` tool's arguments as flags.
struct TilesetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tileset",
        abstract: "Generate a seamless autotile set (wang16 or blob47).",
        discussion: """
            Example: dgx-pixels tileset grass --edge water --tile-size 16 --layout wang16 --seed 7

            Prints the PNG's path and its descriptor's (<name>.tileset.json beside it: each tile's corners \
            [nw, ne, se, sw], 0 = terrain, 1 = edge). With --deploy-to, also writes assets/tilesets/<name>.png, \
            <name>.tileset.ron and <name>.tileset.json into that Bevy project.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The main terrain, e.g. grass (corner value 0).") var terrain: String
    @Option(help: "The second terrain, e.g. water (corner value 1); without it, 1 is transparent.") var edge: String?
    @Option(name: .customLong("tile-size"), help: "Pixels per tile edge, 8-64 (default 16).") var tileSize: Int?
    @Option(help: "wang16 (16 corner tiles, default) or blob47 (47 blob tiles + 1).") var layout: String?
    @Option(help: "A configured style (its palette).") var style: String?
    @Option(help: "A palette name, none, or #hex,#hex,… colours.") var palette: String?
    @Option(help: "Seed 0-2^53-1; the same seed and options give the same bytes.") var seed: Int?
    @Option(help: "File name without .png (default: terrain_edge).") var name: String?
    @Flag(help: "Paint it again even when the cache holds it.") var force = false
    @Option(name: .customLong("deploy-to"), help: "Bevy project to deploy into once made.") var deployTo: String?
    @Flag(help: "Print the result as JSON.") var json = false

    /// The draft the arguments describe, checked by the same rules as the tool's.
    func draft() -> TilesetDraft {
        var draft = TilesetDraft(terrain: terrain)
        draft.edge = edge
        draft.tileSize = tileSize
        draft.layout = layout
        draft.style = style
        draft.palette = palette.map { text in
            guard text.contains(",") || text.hasPrefix("#") else { return .text(text) }
            return .list(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        draft.seed = seed
        draft.name = name
        draft.force = force
        return draft
    }

    func run() async throws {
        let (configuration, _) = try global.bootstrap()
        let request: SpriteRequest
        do {
            request = try draft().resolve(with: configuration)
        } catch {
            throw JobRunner.fail(error)
        }
        let engine = EngineFactory.makeEngine(configuration)
        do {
            let (record, deployment) = try await JobRunner.run(
                [request],
                kind: "tileset",
                engine: engine,
                concurrency: 1,
                deployTo: deployTo
            )
            if json {
                try Console.json(GenerateCommand.Output(job: record, deployment: deployment))
            } else {
                Console.out(Self.describe(record, deployment: deployment))
            }
            if record.failed > 0 { throw ExitCode.failure }
        } catch let error as SpriteEngineError {
            throw JobRunner.fail(error)
        }
    }

    /// The PNG and descriptor paths, and the deployed files.
    static func describe(_ record: JobRecord, deployment: DeployReport?) -> String {
        var lines: [String] = []
        for item in record.items {
            guard let sprite = item.sprite, let descriptor = sprite.tileset else {
                lines.append("FAILED \(item.name): \(item.error ?? item.status.rawValue)")
                continue
            }
            lines.append(
                "\(sprite.path)  \(descriptor.layout.rawValue)  \(descriptor.tiles.count) tiles of "
                    + "\(descriptor.tileSize) px  \(sprite.colorsUsed) colours  seed \(sprite.seed)"
            )
            lines.append("descriptor: \(sprite.tilesetDescriptorPath ?? "")")
        }
        if let deployment {
            for file in deployment.files where file.kind == .png || file.kind == .tileset {
                lines.append("deployed \(file.action.rawValue): \(file.path)")
            }
            lines.append("manifest: \(deployment.manifestPath)")
        }
        return lines.joined(separator: "\n")
    }
}
