import Foundation

/// Finds and reads the configuration: `--config`, `$DGX_PIXELS_CONFIG`, `./dgx-pixels.yaml`,
/// `$XDG_CONFIG_HOME/dgx-pixels/config.yaml`, else the built-in defaults; then applies environment overrides.
package struct ConfigurationLoader: Sendable {
    package var environment: [String: String]
    package var currentDirectory: URL

    package init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The files looked at, in order; the first that exists wins (an explicit path must exist).
    package func candidates(explicitPath: String?) -> [(path: String, required: Bool)] {
        if let explicitPath { return [(absolute(explicitPath), true)] }
        if let fromEnvironment = environment["DGX_PIXELS_CONFIG"], !fromEnvironment.isEmpty {
            return [(absolute(fromEnvironment), true)]
        }
        let configHome =
            environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return [
            (currentDirectory.appendingPathComponent("dgx-pixels.yaml").path, false),
            (configHome + "/dgx-pixels/config.yaml", false),
        ]
    }

    package func load(explicitPath: String? = nil) throws(SpriteEngineError) -> Configuration {
        var configuration = Configuration(environment: environment)
        for candidate in candidates(explicitPath: explicitPath) {
            guard FileManager.default.fileExists(atPath: candidate.path) else {
                if candidate.required {
                    throw .unreadableConfiguration(file: candidate.path, reason: "no such file")
                }
                continue
            }
            let text: String
            do {
                text = try String(contentsOfFile: candidate.path, encoding: .utf8)
            } catch {
                throw .unreadableConfiguration(file: candidate.path, reason: error.localizedDescription)
            }
            configuration = try Configuration.parse(yaml: text, file: candidate.path, environment: environment)
            break
        }
        try applyOverrides(to: &configuration)
        if configuration.engine == .comfyui, configuration.comfyUI.backends.isEmpty {
            throw .invalidConfiguration(
                keyPath: "engine",
                message: "engine 'comfyui' needs at least one entry in comfyui.backends (or DGX_PIXELS_COMFYUI_URL)",
                file: configuration.source
            )
        }
        return configuration
    }

    /// `DGX_PIXELS_ENGINE`, `DGX_PIXELS_COMFYUI_URL` (comma-separated), `DGX_PIXELS_OUTPUT_DIR`, `DGX_PIXELS_BEVY_PROJECT`, `DGX_PIXELS_LOG_LEVEL`,
    /// `DGX_PIXELS_TOKEN`, `DGX_PIXELS_MAX_BATCH` replace the file's values.
    private func applyOverrides(to configuration: inout Configuration) throws(SpriteEngineError) {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func fail(_ name: String, _ expected: String) -> SpriteEngineError {
            .invalidConfiguration(keyPath: "$" + name, message: "expected \(expected)", file: nil)
        }
        if let engine = value("DGX_PIXELS_ENGINE") {
            guard let mode = Configuration.EngineMode(rawValue: engine) else {
                throw fail(
                    "DGX_PIXELS_ENGINE",
                    Configuration.EngineMode.allCases.map(\.rawValue).joined(separator: " or ")
                )
            }
            configuration.engine = mode
        }
        if let urls = value("DGX_PIXELS_COMFYUI_URL") {
            configuration.comfyUI.backends = []
            for text in urls.split(separator: ",") {
                guard let url = Configuration.normalizedBackendURL(String(text)) else {
                    throw fail("DGX_PIXELS_COMFYUI_URL", "http:// URLs separated by commas, got '\(text)'")
                }
                configuration.comfyUI.backends.append(.init(url: url))
            }
        }
        if let directory = value("DGX_PIXELS_OUTPUT_DIR") {
            configuration.output.directory = URL(fileURLWithPath: absolute(directory), isDirectory: true)
        }
        if let project = value("DGX_PIXELS_BEVY_PROJECT") {
            configuration.bevy.defaultProject = absolute(project)
        }
        if let level = value("DGX_PIXELS_LOG_LEVEL") {
            guard LogLevelName(rawValue: level) != nil else {
                throw fail("DGX_PIXELS_LOG_LEVEL", LogLevelName.allCases.map(\.rawValue).joined(separator: ", "))
            }
            configuration.logLevel = level
        }
        if let token = value("DGX_PIXELS_TOKEN") {
            guard let valid = Configuration.validToken(token) else {
                throw fail("DGX_PIXELS_TOKEN", Configuration.tokenRule)
            }
            configuration.http.token = valid
        }
        if let maxBatch = value("DGX_PIXELS_MAX_BATCH") {
            guard let count = Int(maxBatch), (1...10_000).contains(count) else {
                throw fail("DGX_PIXELS_MAX_BATCH", "an integer from 1 to 10000")
            }
            configuration.limits.maxBatch = count
        }
    }

    private func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return currentDirectory.appendingPathComponent(expanded).standardizedFileURL.path
    }
}
