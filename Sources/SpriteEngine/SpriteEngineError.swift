import BevyAssets
import ComfyUI
import PixelArt

/// Everything that can go wrong in the engine, with the context a person or a model needs to act on it.
package enum SpriteEngineError: Error, CustomStringConvertible, Equatable {
    /// A call argument is missing or out of range; `field` is its name on the wire (`size`, `items[3].prompt`).
    case invalidArgument(field: String, message: String)
    /// A configuration key is missing, unknown or holds a bad value; `keyPath` is dotted (`styles.8bit.colors`).
    case invalidConfiguration(keyPath: String, message: String, file: String?)
    /// The configuration file could not be read or parsed.
    case unreadableConfiguration(file: String, reason: String)
    /// `get_job` or `sprites` named a job this server does not know.
    case unknownJob(String)
    /// A `sprite://` URI or file reference that does not name a stored sprite.
    case spriteNotFound(String)
    /// A generator failed to make an image.
    case generationFailed(engine: String, reason: String)
    /// A PNG failed validation; the report says why.
    case invalidSprite(path: String, issues: [String])
    /// Writing under the output directory failed.
    case storageFailed(path: String, reason: String)
    /// Deploying into a Bevy project failed.
    case deployFailed(BevyAssetsError)
    /// An image operation failed.
    case image(PixelArtError)
    /// The job was cancelled before this item finished.
    case cancelled
    /// ComfyUI failed: unreachable, rejected the workflow, failed at a node, …
    case comfyUI(ComfyUIError)
    /// A workflow template cannot serve this call (missing model on the backend, bad template, unknown name).
    case workflow(String)

    package var description: String {
        switch self {
        case .invalidArgument(let field, let message):
            "Invalid argument '\(field)': \(message)"
        case .invalidConfiguration(let keyPath, let message, let file):
            "Invalid configuration at '\(keyPath)'\(file.map { " in \($0)" } ?? ""): \(message)"
        case .unreadableConfiguration(let file, let reason):
            "Cannot read configuration file \(file): \(reason)"
        case .unknownJob(let id):
            "No job '\(id)' in this server's memory or output directory (job ids come from the generate calls; "
                + "old jobs may have been pruned under output.keep_days / output.keep_jobs)."
        case .spriteNotFound(let reference):
            "No sprite at '\(reference)': pass a sprite:// URI, a job id, or the path of a PNG file."
        case .generationFailed(let engine, let reason):
            "The \(engine) engine could not generate the sprite: \(reason)"
        case .invalidSprite(let path, let issues):
            "\(path) is not a valid sprite: \(issues.joined(separator: "; "))"
        case .storageFailed(let path, let reason):
            "Could not write \(path): \(reason). Check that output.dir in dgx-pixels.yaml is writable."
        case .deployFailed(let error):
            error.description
        case .image(let error):
            error.description
        case .cancelled:
            "Cancelled before it finished; sprites already made are kept."
        case .comfyUI(let error):
            switch error {
            // The engine knows where backends and limits come from; the ComfyUI client does not.
            case .unreachable:
                error.description
                    + ": start it, or fix comfyui.backends in the configuration (or DGX_PIXELS_COMFYUI_URL)"
            case .responseTooLarge:
                error.description + " (limits.max_comfyui_bytes)"
            default:
                error.description
            }
        case .workflow(let message):
            message
        }
    }
}
