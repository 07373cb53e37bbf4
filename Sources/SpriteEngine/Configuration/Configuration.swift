import BevyAssets
import Foundation
import PixelArt

/// Everything the server can be configured with; `config/dgx-pixels.yaml` documents each key.
package struct Configuration: Sendable, Equatable {
    /// Which engine serves generate calls.
    package enum EngineMode: String, Sendable, CaseIterable, Codable {
        /// ComfyUI when a backend answers, else the embedded procedural engine.
        case auto
        /// ComfyUI only: a call fails when no backend answers.
        case comfyui
        /// The embedded procedural engine: no GPU, no network, deterministic.
        case procedural
    }

    /// Defaults and bounds for generate calls (`generation:`).
    package struct Generation: Sendable, Equatable {
        package var defaultStyle = "16bit"
        package var minSize = 8
        package var maxSize = 256
        /// How long a call waits for its job before answering `status: running` (seconds).
        package var waitSeconds = 45.0
        /// How many batch items run at once.
        package var concurrency = 4
        package var defaultCategory = "misc"
        /// What stdin EOF / SIGTERM does to jobs still running.
        package var onShutdown: ShutdownMode = .leave
    }

    /// What happens to running jobs when the server stops (`generation.on_shutdown`).
    package enum ShutdownMode: String, Sendable, CaseIterable {
        /// Stop following them; they stay open in the journal (and their prompts on ComfyUI) and the next start
        /// finishes them without making anything twice.
        case leave
        /// Cancel them: ComfyUI prompts are interrupted or dequeued, unfinished items are marked cancelled.
        case cancel
        /// Wait for them to finish before exiting.
        case finish
    }

    /// Where sprites are written (`output:`).
    package struct Output: Sendable, Equatable {
        package var directory: URL
        /// The inline PNG preview in tool results is upscaled to at most this edge and kept under `previewMaxBytes`.
        package var previewMaxEdge = 256
        package var previewMaxBytes = 65_536
        /// Jobs older than this many days are removed from the output directory (0 keeps them forever).
        package var keepDays = 30
        /// At most this many jobs are kept, the newest (0 keeps them all).
        package var keepJobs = 2000
    }

    /// Deployment into Bevy projects (`bevy:`).
    package struct Bevy: Sendable, Equatable {
        /// The project `deploy_to_bevy` uses when the call names none.
        package var defaultProject: String?
        package var writeMeta = true
        package var onConflict = "overwrite"
        package var allowSymlinkedAssets = false
        /// How many backup folders under `<project>/.dgx-pixels/backups/` to keep; 0 turns backups off.
        package var backupsKeep = 5
        /// The game's Bevy Remote Protocol endpoint, for `reload: true`.
        package var remoteURL = GameReloader.defaultURL
    }

    /// Hard limits that protect the machine (`limits:`).
    package struct Limits: Sendable, Equatable {
        package var maxBatch = 1000
        package var maxPixels = 16_777_216
        package var maxFileSize = 10 * 1024 * 1024
        package var maxEdge = 4096
        /// The largest JSON-RPC message a client may send, in bytes.
        package var maxMessageBytes = 16 * 1024 * 1024
        /// The deepest nesting of arrays and objects a client's message may have.
        package var maxJSONDepth = 64
        /// The largest answer taken from a ComfyUI server (an image, `/object_info`), in bytes.
        package var maxComfyUIBytes = 64 * 1024 * 1024
    }

    package var engine: EngineMode = .auto
    package var comfyUI = ComfyUI()
    package var generation = Generation()
    package var output: Output
    package var bevy = Bevy()
    package var limits = Limits()
    package var http = HTTP()
    package var metrics = MetricsExport()
    package var logLevel = "info"
    package var styles: [String: StylePreset] = StylePreset.builtIn
    /// The file the configuration came from, if any.
    package var source: String?

    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        output = Output(directory: Self.defaultOutputDirectory(environment: environment))
    }

    /// `$XDG_DATA_HOME/dgx-pixels/sprites`, else `~/.local/share/dgx-pixels/sprites`: never the working directory.
    package static func defaultOutputDirectory(environment: [String: String]) -> URL {
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return URL(fileURLWithPath: dataHome).appendingPathComponent("dgx-pixels/sprites")
        }
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/dgx-pixels/sprites")
    }

    /// The style called `name`, or an error listing the known styles.
    package func style(named name: String, field: String = "style") throws(SpriteEngineError) -> StylePreset {
        guard let style = styles[name] else {
            throw .invalidArgument(
                field: field,
                message: "unknown style '\(name)'; known styles: \(styles.keys.sorted().joined(separator: ", "))"
            )
        }
        return style
    }
}
