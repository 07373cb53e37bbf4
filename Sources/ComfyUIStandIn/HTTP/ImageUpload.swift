import Foundation

/// `POST /upload/image` as ComfyUI 0.3.64's `image_upload` handles it.
///
/// The checks come in the same order:
///
/// 1. `type` absent is `input`; `input`, `temp` and `output` pick the folder; anything else (even `""`) fails with
///    HTTP 500 (an unbound variable in ComfyUI), before the image is looked at.
/// 2. No `image` field (or an empty one) answers 400 with an empty body; an `image` that is a plain field, not a
///    file (`filename=""` included), fails with 500.
/// 3. `subfolder` and the file name are joined under the folder and normalised; leaving the folder answers 400. The
///    subfolder is made if missing; a file name with `/` into a folder that does not exist fails with 500.
/// 4. With `overwrite` `"true"` or `"1"` the file is replaced. Otherwise an existing file with the same bytes is
///    kept and its name answered, and different bytes get `name (1).ext`, `name (2).ext`, … (the first free name,
///    or the first holding the same bytes).
/// 5. The answer is `{"name", "subfolder", "type"}` with `subfolder` as sent. The bytes are not checked.
struct ImageUpload {
    let core: StandInCore

    func upload(_ request: HTTPRequest) -> HTTPResponse {
        guard let form = FormBody(body: request.body, contentType: request.contentType) else { return .error(500) }
        let type = form["type"]?.text ?? "input"
        guard ["input", "temp", "output"].contains(type) else { return .error(500) }
        guard let image = form["image"], !image.content.isEmpty || image.isFile else { return .empty(.badRequest) }
        guard image.isFile, let filename = image.filename else { return .error(500) }
        let subfolder = form["subfolder"]?.text ?? ""
        let overwrite = form["overwrite"].map { ["true", "1"].contains($0.text) } ?? false
        guard let folder = StandInState.normalised(subfolder),
            let target = StandInState.normalised(
                ([subfolder, filename].filter { !$0.isEmpty }).joined(separator: "/")
            ),
            !filename.hasPrefix("/"), !target.isEmpty
        else { return .empty(.badRequest) }

        let stored: String? = core.withState { state in
            state.makeFolders(type: type, path: folder)
            guard state.folderExists(type: type, path: Array(target.dropLast())) else { return nil }
            var name = filename
            var path = target
            if !overwrite {
                let (stem, suffix) = Self.splitExtension(filename)
                var counter = 1
                while case .file(let existing) = state.entry(type: type, path: path) {
                    if existing == image.content { return name }
                    name = "\(stem) (\(counter))\(suffix)"
                    guard
                        let renamed = StandInState.normalised(
                            ([subfolder, name].filter { !$0.isEmpty }).joined(separator: "/")
                        )
                    else { return nil }
                    path = renamed
                    counter += 1
                }
            }
            let key = StandInState.fileKey(
                type: type,
                subfolder: path.dropLast().joined(separator: "/"),
                filename: path.last ?? name
            )
            state.files[key] = image.content
            return name
        }
        guard let stored else { return .error(500) }
        return .json(["name": .string(stored), "subfolder": .string(subfolder), "type": .string(type)])
    }

    /// Python's `os.path.splitext`: the extension starts at the last dot of the last component, unless that
    /// component is only leading dots before it (`.hidden` has none).
    static func splitExtension(_ path: String) -> (String, String) {
        let lastComponentStart = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let component = path[lastComponentStart...]
        guard let dot = component.lastIndex(of: "."), component[..<dot].contains(where: { $0 != "." }) else {
            return (path, "")
        }
        return (String(path[..<dot]), String(path[dot...]))
    }
}
