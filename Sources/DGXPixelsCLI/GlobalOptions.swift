import ArgumentParser
import Foundation
import Logging
import PixelsMCP
import SpriteEngine

/// Options every command takes: where the configuration is and how much to log (to stderr).
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Configuration file (default: $DGX_PIXELS_CONFIG, ./dgx-pixels.yaml, ~/.config/dgx-pixels/config.yaml)."
    )
    var config: String?

    @Option(name: .long, help: "Override the output directory for generated sprites.")
    var outputDir: String?

    @Option(name: .long, help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    /// Loads the configuration and starts logging to stderr; a bad configuration is a clear error and exit 1.
    ///
    /// - Parameters:
    ///   - defaultLogLevel: The stderr level when neither the flag, the environment nor the file sets one.
    ///   - clientLog: When serving MCP, also forwards records to the client (`notifications/message`).
    /// - Returns: The configuration and the CLI's logger.
    /// - Throws: `ExitCode.failure` after printing the configuration error.
    func bootstrap(
        defaultLogLevel: Logger.Level = .warning,
        clientLog: ClientLog? = nil
    ) throws
        -> (Configuration, Logger)
    {
        var configuration: Configuration
        do {
            configuration = try ConfigurationLoader().load(explicitPath: config)
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
        if let outputDir {
            let path = (outputDir as NSString).expandingTildeInPath
            configuration.output.directory =
                URL(
                    fileURLWithPath: path,
                    relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                ).standardizedFileURL
        }
        let configured = configuration.source == nil ? defaultLogLevel : Logger.Level(rawValue: configuration.logLevel)
        let level =
            logLevel.flatMap(Logger.Level.init(rawValue:))
            ?? ProcessInfo.processInfo.environment["DGX_PIXELS_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
            ?? configured ?? defaultLogLevel
        LoggingBootstrap.start(level: level, clientLog: clientLog)
        return (configuration, Logger(label: "dgx-pixels.cli"))
    }

    /// An absolute form of a path given on the command line.
    static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") || expanded.hasPrefix("sprite://") { return expanded }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(expanded)
            .standardizedFileURL.path
    }
}
