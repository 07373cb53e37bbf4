import ArgumentParser
import Foundation
import Logging
import MCP
import PixelsMCP

/// `dgx-pixels demo`: a real MCP client session against `dgx-pixels serve` that makes a sprite set for a Bevy game.
///
/// This is what `make run` does: it spawns the server as a child process, talks to it over stdio with the official
/// SDK's `Client`, exactly as Claude Desktop would, and prints what landed in the project.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run an MCP client session that generates a sprite set into a Bevy project."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The Bevy project to deploy into.") var project = "examples/bevy-game"

    func run() async throws {
        _ = try global.bootstrap()
        let projectPath = GlobalOptions.absolute(project)
        let server = try spawnServer()
        defer { if server.process.isRunning { server.process.terminate() } }
        let client = Client(name: "dgx-pixels-demo", version: "0.1.0")
        let initialize = try await client.connect(transport: server.transport)
        Console.out(
            "connected to \(initialize.serverInfo.name) \(initialize.serverInfo.version) (MCP \(initialize.protocolVersion))"
        )
        let tools = try await client.listTools().tools.map(\.name)
        Console.out("tools: \(tools.joined(separator: ", "))")

        let items: [Value] = DemoSprites.all.map { sprite in
            .object([
                "prompt": .string(sprite.prompt), "name": .string(sprite.name), "category": .string(sprite.category),
                "size": .int(sprite.size), "seed": .int(sprite.seed),
            ])
        }
        let batch = try await call(
            client,
            "generate_batch",
            ["items": .array(items), "style": "16bit", "deploy_to": .string(projectPath)]
        )
        let job = batch["job"]?.objectValue
        Console.out("generated \(job?["succeeded"]?.intValue ?? 0) of \(job?["total"]?.intValue ?? 0) sprites")
        for sprite in batch["deployment"]?.objectValue?["sprites"]?.arrayValue ?? [] {
            let entry = sprite.objectValue ?? [:]
            let action = entry["action"]?.stringValue ?? "?"
            Console.out(
                "  \(action): \(entry["png_path"]?.stringValue ?? "?")  (load \"\(entry["asset_path"]?.stringValue ?? "?")\")"
            )
        }
        try await deployAnimations(client, into: projectPath)
        try await deployTileset(client, into: projectPath)
        if let first = job?["items"]?.arrayValue?.first?.objectValue?["sprite"]?.objectValue,
            let uri = first["uri"]?.stringValue
        {
            let contents = try await client.readResource(uri: uri)
            let bytes = contents.first?.blob.flatMap { Data(base64Encoded: $0) }?.count ?? 0
            Console.out("read \(uri) back over MCP: \(bytes) bytes of PNG")
        }
        let manifest = URL(fileURLWithPath: projectPath).appendingPathComponent("assets/sprites/manifest.json").path
        Console.out("manifest: \(manifest)")
        await client.disconnect()
        try? server.input.close()  // stdin EOF: the server answers what is in flight and exits 0
        server.process.waitUntilExit()
        guard server.process.terminationStatus == 0 else {
            Console.error("dgx-pixels serve exited with status \(server.process.terminationStatus)")
            throw ExitCode.failure
        }
    }

    /// Makes two animation sheets: a blue slime's idle (deployed afterwards with `deploy_to_bevy`, reloading the
    /// running game) and a hero's four-direction walk (deployed by the call itself with `deploy_to`).
    private func deployAnimations(_ client: Client, into projectPath: String) async throws {
        let slime = try await call(
            client,
            "generate_sprite",
            [
                "prompt": "blue slime", "name": "blue-slime", "category": "creature", "size": 32, "seed": 4,
                "animation": "idle", "frames": 4, "style": "16bit",
            ]
        )
        guard let jobID = slime["job_id"]?.stringValue else {
            Console.error("generate_sprite returned no job id for the slime")
            throw ExitCode.failure
        }
        let deployed = try await call(
            client,
            "deploy_to_bevy",
            ["project": .string(projectPath), "sprites": [.string(jobID)], "reload": true]
        )
        for file in deployed["files"]?.arrayValue ?? [] {
            let entry = file.objectValue ?? [:]
            Console.out(
                "  \(entry["action"]?.stringValue ?? "?"): \(entry["path"]?.stringValue ?? "?")  (\(entry["kind"]?.stringValue ?? "?"))"
            )
        }
        Self.describeSheet(slime["sprite"]?.objectValue)
        for warning in deployed["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            Console.out("  warning: \(warning)")
        }
        let hero = try await call(
            client,
            "generate_sprite",
            [
                "prompt": .string(DemoSprites.walk.prompt), "name": .string(DemoSprites.walk.name),
                "category": .string(DemoSprites.walk.category), "size": .int(DemoSprites.walk.size),
                "seed": .int(DemoSprites.walk.seed), "animation": "walk", "directions": 4, "style": "16bit",
                "deploy_to": .string(projectPath),
            ]
        )
        for sprite in hero["deployment"]?.objectValue?["sprites"]?.arrayValue ?? [] {
            let entry = sprite.objectValue ?? [:]
            Console.out("  \(entry["action"]?.stringValue ?? "?"): \(entry["png_path"]?.stringValue ?? "?")")
        }
        Self.describeSheet(hero["sprite"]?.objectValue)
    }

    /// Makes the grass/water tileset the example game lays its island map with, deployed to `assets/tilesets/`.
    private func deployTileset(_ client: Client, into projectPath: String) async throws {
        let made = try await call(
            client,
            "generate_tileset",
            [
                "terrain": "grass", "edge": "water", "name": "grass-water", "tile_size": 16, "layout": "wang16",
                "seed": 5, "deploy_to": .string(projectPath),
            ]
        )
        let tileset = made["tileset"]?.objectValue ?? made["sprite"]?.objectValue?["tileset"]?.objectValue ?? [:]
        for file in made["deployment"]?.objectValue?["files"]?.arrayValue ?? [] {
            let entry = file.objectValue ?? [:]
            Console.out(
                "  \(entry["action"]?.stringValue ?? "?"): \(entry["path"]?.stringValue ?? "?")  (\(entry["kind"]?.stringValue ?? "?"))"
            )
        }
        Console.out(
            "tileset grass-water: \(tileset["layout"]?.stringValue ?? "?"), \(tileset["tiles"]?.arrayValue?.count ?? 0) tiles of "
                + "\(tileset["tile_size"]?.intValue ?? 0) px in \(tileset["columns"]?.intValue ?? 0) columns"
        )
    }

    /// One line for a sheet: its grid and clips.
    private static func describeSheet(_ sprite: [String: Value]?) {
        let sheet = sprite?["sheet"]?.objectValue ?? [:]
        let clips = (sheet["clips"]?.arrayValue ?? []).compactMap { $0.objectValue?["name"]?.stringValue }
        Console.out(
            "sheet \(sprite?["name"]?.stringValue ?? "?"): \(sheet["columns"]?.intValue ?? 0) frames x "
                + "\(sheet["rows"]?.intValue ?? 0) directions; clips \(clips.joined(separator: ", "))"
        )
    }

    /// Calls a tool and returns its structured content; a tool error ends the demo with its message.
    private func call(_ client: Client, _ name: String, _ arguments: [String: Value]) async throws -> [String: Value] {
        let context: RequestContext<CallTool.Result> = try await client.callTool(name: name, arguments: arguments)
        let result = try await context.value
        if result.isError == true {
            for case .text(let text, _, _) in result.content { Console.error(text) }
            throw ExitCode.failure
        }
        return result.structuredContent?.objectValue ?? [:]
    }

    /// Starts `dgx-pixels serve` (this same executable) with pipes for stdin and stdout.
    private func spawnServer() throws -> (process: Process, transport: PipeTransport, input: FileHandle) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var arguments = ["serve"]
        if let config = global.config { arguments += ["--config", GlobalOptions.absolute(config)] }
        if let outputDir = global.outputDir { arguments += ["--output-dir", GlobalOptions.absolute(outputDir)] }
        arguments += ["--log-level", global.logLevel ?? "warning"]
        process.arguments = arguments
        let toServer = Pipe()
        let fromServer = Pipe()
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = FileHandle.standardError
        try process.run()
        let transport = PipeTransport(
            input: fromServer.fileHandleForReading.fileDescriptor,
            output: toServer.fileHandleForWriting.fileDescriptor,
            logger: Logger(label: "dgx-pixels.demo")
        )
        return (process, transport, toServer.fileHandleForWriting)
    }
}

/// The sprite set the demo makes: one of each category, fixed seeds so every run gives the same art.
enum DemoSprites {
    struct Sprite {
        var prompt: String
        var name: String
        var category: String
        var size: Int
        var seed: Int
    }

    static let all = [
        Sprite(prompt: "red knight with a sword", name: "knight", category: "character", size: 32, seed: 7),
        Sprite(prompt: "purple wizard", name: "wizard", category: "character", size: 32, seed: 11),
        Sprite(prompt: "green slime", name: "slime", category: "creature", size: 32, seed: 3),
        Sprite(prompt: "gold coin", name: "coin", category: "item", size: 16, seed: 5),
        Sprite(prompt: "red health potion", name: "potion", category: "item", size: 16, seed: 9),
        Sprite(prompt: "blue spaceship", name: "ship", category: "vehicle", size: 32, seed: 21),
        Sprite(prompt: "grass tile", name: "grass", category: "tile", size: 16, seed: 1),
    ]

    /// The hero's four-direction walk the example game plays.
    static let walk = Sprite(prompt: "hero in blue tunic", name: "hero-walk", category: "character", size: 32, seed: 21)
}
