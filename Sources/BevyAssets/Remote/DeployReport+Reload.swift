import Foundation

extension DeployReport {
    /// The asset paths a running game should reload: each deployed sprite and its sheet descriptors.
    package var reloadablePaths: [String] {
        var paths: [String] = []
        for sprite in sprites where sprite.action != .skipped {
            paths.append(sprite.assetPath)
            if let sheet, sheet.image == sprite.assetPath {
                let stem = String(sprite.assetPath.dropLast(".png".count))
                paths += [stem + ".sheet.ron", stem + ".sheet.json"]
            }
        }
        return paths
    }

    /// Asks the game at `remoteURL` to reload `reloadablePaths`; the answer becomes a note or a warning.
    package mutating func requestReload(remoteURL: String, transport: any RemoteTransport) async {
        guard let url = URL(string: remoteURL) else {
            warnings.append("reload skipped: bevy.remote_url '\(remoteURL)' is not a URL")
            return
        }
        let paths = reloadablePaths
        guard !paths.isEmpty else {
            notes.append("reload skipped: nothing was deployed")
            return
        }
        switch await GameReloader(url: url, transport: transport).reload(paths) {
        case .reloaded(let note): notes.append(note)
        case .failed(let warning): warnings.append(warning)
        }
    }
}
