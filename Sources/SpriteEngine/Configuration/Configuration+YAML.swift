import BevyAssets
import Foundation
import PixelArt
import Yams

extension Configuration {
    /// Reads YAML over the defaults: keys present replace defaults, unknown keys and bad values are errors.
    package static func parse(
        yaml: String,
        file: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SpriteEngineError) -> Configuration {
        var configuration = Configuration(environment: environment)
        configuration.source = file
        let document: Node?
        do {
            document = try Yams.compose(yaml: yaml)
        } catch {
            throw .unreadableConfiguration(file: file ?? "<inline>", reason: "not valid YAML: \(error)")
        }
        guard let document else { return configuration }
        let root = ConfigNode(node: document, keyPath: "", file: file)
        let sections = [
            "engine", "comfyui", "generation", "output", "bevy", "limits", "http", "metrics", "logging", "styles",
        ]
        for (key, value) in try root.mapping(allowed: sections) where !value.isNull {
            switch key {
            case "engine": configuration.engine = try value.oneOf(EngineMode.self)
            case "comfyui": try configuration.readComfyUI(value)
            case "generation": try configuration.readGeneration(value)
            case "output": try configuration.readOutput(value)
            case "bevy": try configuration.readBevy(value)
            case "limits": try configuration.readLimits(value)
            case "http": try configuration.readHTTP(value)
            case "metrics": try configuration.readMetrics(value)
            case "logging":
                for (_, level) in try value.mapping(allowed: ["level"]) {
                    configuration.logLevel = try level.oneOf(LogLevelName.self).rawValue
                }
            default: try configuration.readStyles(value)
            }
        }
        if !configuration.styles.keys.contains(configuration.generation.defaultStyle) {
            throw .invalidConfiguration(
                keyPath: "generation.default_style",
                message: "no style named '\(configuration.generation.defaultStyle)'; known: "
                    + configuration.styles.keys.sorted().joined(separator: ", "),
                file: file
            )
        }
        return configuration
    }

    private mutating func readGeneration(_ node: ConfigNode) throws(SpriteEngineError) {
        let keys = [
            "default_style", "min_size", "max_size", "wait_seconds", "concurrency", "default_category", "on_shutdown",
        ]
        for (key, value) in try node.mapping(allowed: keys) {
            switch key {
            case "default_style": generation.defaultStyle = try value.nonEmptyString()
            case "min_size": generation.minSize = try value.int(in: 1...4096)
            case "max_size": generation.maxSize = try value.int(in: 1...4096)
            case "wait_seconds": generation.waitSeconds = try value.double(in: 0...3600)
            case "concurrency": generation.concurrency = try value.int(in: 1...64)
            case "on_shutdown": generation.onShutdown = try value.oneOf(ShutdownMode.self)
            default: generation.defaultCategory = try value.nonEmptyString()
            }
        }
        if generation.minSize > generation.maxSize {
            throw .invalidConfiguration(
                keyPath: "generation.min_size",
                message: "must not exceed generation.max_size",
                file: node.file
            )
        }
    }

    private mutating func readOutput(_ node: ConfigNode) throws(SpriteEngineError) {
        let keys = ["dir", "preview_max_edge", "preview_max_bytes", "keep_days", "keep_jobs"]
        for (key, value) in try node.mapping(allowed: keys) {
            switch key {
            case "dir": output.directory = try Self.absoluteDirectory(value)
            case "preview_max_edge": output.previewMaxEdge = try value.int(in: 8...1024)
            case "keep_days": output.keepDays = try value.int(in: 0...36_500)
            case "keep_jobs": output.keepJobs = try value.int(in: 0...10_000_000)
            default: output.previewMaxBytes = try value.int(in: 0...1_048_576)
            }
        }
    }

    private mutating func readBevy(_ node: ConfigNode) throws(SpriteEngineError) {
        let keys = ["project", "meta", "on_conflict", "allow_symlinked_assets", "backups_keep", "remote_url"]
        for (key, value) in try node.mapping(allowed: keys) {
            switch key {
            case "project": bevy.defaultProject = value.isNull ? nil : try Self.absoluteDirectory(value).path
            case "meta": bevy.writeMeta = try value.bool()
            case "on_conflict": bevy.onConflict = try value.oneOf(ConflictChoice.self).rawValue
            case "backups_keep": bevy.backupsKeep = try value.int(in: 0...1000)
            case "remote_url":
                let text = try value.nonEmptyString()
                guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                    throw value.fail("an http:// or https:// URL such as \(GameReloader.defaultURL)")
                }
                bevy.remoteURL = text
            default: bevy.allowSymlinkedAssets = try value.bool()
            }
        }
    }

    private mutating func readLimits(_ node: ConfigNode) throws(SpriteEngineError) {
        for (key, value) in try node.mapping(
            allowed: [
                "max_batch", "max_pixels", "max_file_size", "max_edge", "max_message_bytes", "max_json_depth",
                "max_comfyui_bytes",
            ]
        ) {
            switch key {
            case "max_batch": limits.maxBatch = try value.int(in: 1...10_000)
            case "max_pixels": limits.maxPixels = try value.int(in: 64...268_435_456)
            case "max_file_size": limits.maxFileSize = try value.int(in: 1024...1_073_741_824)
            case "max_message_bytes": limits.maxMessageBytes = try value.int(in: 65_536...1_073_741_824)
            case "max_json_depth": limits.maxJSONDepth = try value.int(in: 8...512)
            case "max_comfyui_bytes": limits.maxComfyUIBytes = try value.int(in: 65_536...4_294_967_296)
            default: limits.maxEdge = try value.int(in: 8...65_535)
            }
        }
    }

    private mutating func readStyles(_ node: ConfigNode) throws(SpriteEngineError) {
        for (name, value) in try node.mapping() {
            guard name.range(of: "^[a-z0-9][a-z0-9_-]{0,31}$", options: .regularExpression) != nil else {
                throw .invalidConfiguration(
                    keyPath: value.keyPath,
                    message: "style names are 1-32 of a-z, 0-9, '-', '_'",
                    file: node.file
                )
            }
            styles[name] = try StylePreset.read(value, name: name, base: styles[name], sizes: generation)
        }
    }

    /// A `~`-expanded absolute directory path.
    private static func absoluteDirectory(_ node: ConfigNode) throws(SpriteEngineError) -> URL {
        let path = (try node.nonEmptyString() as NSString).expandingTildeInPath
        guard path.hasPrefix("/") else { throw node.fail("an absolute path (or one starting with ~)") }
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }
}

/// The accepted `logging.level` values (swift-log's levels).
enum LogLevelName: String, CaseIterable {
    case trace, debug, info, notice, warning, error, critical
}

/// The accepted `bevy.on_conflict` values.
enum ConflictChoice: String, CaseIterable {
    case overwrite, skip, rename
}
