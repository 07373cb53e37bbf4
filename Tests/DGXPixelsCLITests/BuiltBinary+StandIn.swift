import ComfyUIStandIn
import Foundation

extension BuiltBinary {
    /// The repository's workflow templates.
    static let workflows = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../workflows").standardizedFileURL.path

    /// Writes `dgx-pixels.yaml` in the scratch home serving from `standIn` (engine comfyui, the sd15 template, fast
    /// history polls) plus the YAML in `extra`; returns it with an environment that finds the repository's workflows.
    func comfyUIConfig(
        _ standIn: ComfyUIStandIn,
        extra: String = ""
    ) throws -> (config: URL, environment: [String: String]) {
        let config = home.appendingPathComponent("dgx-pixels.yaml")
        try Data(
            """
            engine: comfyui
            comfyui:
              backends: [\(standIn.url.absoluteString)]
              workflow: sd15-pixel-art
              poll_interval: 0.05
            \(extra)
            """.utf8
        ).write(to: config)
        var environment = self.environment
        environment["DGX_PIXELS_WORKFLOWS"] = Self.workflows
        return (config, environment)
    }
}
