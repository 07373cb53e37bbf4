/// Everything that can go wrong while finding a Bevy project or deploying sprites into it.
package enum BevyAssetsError: Error, CustomStringConvertible, Equatable, Sendable {
    case projectNotFound(path: String)
    case notABevyProject(path: String)
    case cargoTomlUnreadable(path: String, reason: String)
    case invalidBevyVersion(value: String)
    case invalidName(field: String, value: String, reason: String)
    case invalidSprite(name: String, reason: String)
    case pathEscapesAssets(path: String, resolved: String)
    case symlinkedAssetsDirectory(path: String)
    case writeFailed(path: String, reason: String)
    case invalidMeta(String)
    case manifestCorrupt(path: String, reason: String)
    case lockFailed(path: String, reason: String)
    case invalidSheet(reason: String)
    case collectionCorrupt(path: String, reason: String)
    /// A project file over `ProjectFile.maxBytes`; `limit` in bytes.
    case projectFileTooLarge(path: String, limit: Int)

    package var description: String {
        switch self {
        case .projectNotFound(let path):
            "no folder at \(path): pass the path of the Bevy project (the folder holding its Cargo.toml)."
        case .notABevyProject(let path):
            "no Cargo.toml depending on bevy at \(path): pass the folder of a Bevy game (its Cargo.toml lists "
                + "bevy under [dependencies], or is a workspace whose members do)."
        case .cargoTomlUnreadable(let path, let reason):
            "could not read \(path): \(reason). Fix the file (cargo metadata shows the same problem) and deploy again."
        case .invalidBevyVersion(let value):
            "'\(value)' is not a Bevy version: give one like \"0.15\" or \"0.14.2\"."
        case .invalidName(let field, let value, let reason):
            "\(field) '\(value)' \(reason); a \(field) is 1 to 64 characters from a-z, 0-9, '_' and '-'."
        case .invalidSprite(let name, let reason):
            "sprite '\(name)' cannot be deployed: \(reason). Generate it again."
        case .pathEscapesAssets(let path, let resolved):
            "\(path) resolves to \(resolved), outside the project's assets folder: nothing was written. "
                + "Remove the symlink or choose another category or name."
        case .symlinkedAssetsDirectory(let path):
            "\(path) is a symlink: refusing to write through it. Pass allow_symlinked_assets if that is intended."
        case .writeFailed(let path, let reason):
            "could not write \(path): \(reason). Any previous file there is unchanged; fix the cause and deploy again."
        case .invalidMeta(let reason):
            "generated .meta is not valid for Bevy (\(reason)); nothing was written. This is a bug in dgx-pixels."
        case .manifestCorrupt(let path, let reason):
            "\(path) is not a manifest dgx-pixels can read (\(reason)); it was left as is. "
                + "Fix or delete it, then deploy again."
        case .lockFailed(let path, let reason):
            "could not lock \(path): \(reason). Check that the folder is writable and deploy again."
        case .invalidSheet(let reason):
            "cannot pack the sprite sheet: \(reason). Nothing was written."
        case .collectionCorrupt(let path, let reason):
            "\(path) is not a bevy_asset_loader collection dgx-pixels can merge into (\(reason)); it was left as is. "
                + "Fix or delete it, or deploy without asset_collection."
        case .projectFileTooLarge(let path, let limit):
            "\(path) is larger than \(limit / (1024 * 1024)) MiB, the most dgx-pixels reads of a project file; "
                + "nothing was written. Check that it is the file you meant (a real one is far smaller)."
        }
    }
}
