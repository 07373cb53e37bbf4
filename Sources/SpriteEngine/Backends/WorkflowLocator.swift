import Foundation

/// Where workflow templates are found: the shipped `workflows/` folder, then `comfyui.workflow_dirs`.
package enum WorkflowLocator {
    /// The folders to load, in order (later ones override earlier ones by template name).
    ///
    /// The shipped folder is `$DGX_PIXELS_WORKFLOWS` if set, else the first `workflows/` holding templates found
    /// beside the executable, in `../share/dgx-pixels/` from it (an installed binary), or in a parent of it (a
    /// binary under the repository's `.build/`).
    package static func directories(
        configured: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "/").resolvingSymlinksInPath()
    ) -> [URL] {
        var folders: [URL] = []
        if let shipped = environment["DGX_PIXELS_WORKFLOWS"], !shipped.isEmpty {
            folders.append(URL(fileURLWithPath: shipped, isDirectory: true))
        } else if let shipped = shippedDirectory(near: executable) {
            folders.append(shipped)
        }
        folders += configured.map { URL(fileURLWithPath: $0, isDirectory: true) }
        return folders
    }

    private static func shippedDirectory(near executable: URL) -> URL? {
        var directory = executable.deletingLastPathComponent()
        var candidates = [
            directory.appendingPathComponent("workflows"),
            directory.appendingPathComponent("../share/dgx-pixels/workflows").standardizedFileURL,
        ]
        for _ in 0..<5 {
            directory = directory.deletingLastPathComponent()
            candidates.append(directory.appendingPathComponent("workflows"))
        }
        return candidates.first { candidate in
            let marker = candidate.appendingPathComponent("sdxl-pixel-art.json").path
            return FileManager.default.fileExists(atPath: marker)
        }
    }
}
