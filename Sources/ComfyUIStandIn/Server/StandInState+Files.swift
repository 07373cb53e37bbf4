import Foundation

/// The stand-in's file tree (`input/`, `output/`, `temp/`) as ComfyUI's folder code sees it: joined and normalised
/// paths, folders made on upload, `LoadImage`'s listing and its `name [output]` annotations.
extension StandInState {
    /// What a path under one of the top folders names.
    enum Entry {
        case file(Data)
        case folder
        case missing
    }

    /// The key of a file in `files`: `type/subfolder/filename` (`input//up.png` at the top).
    static func fileKey(type: String, subfolder: String, filename: String) -> String {
        "\(type)/\(subfolder)/\(filename)"
    }

    /// The image files at the top of `input/`, sorted: `LoadImage`'s list (ComfyUI filters by file type).
    var inputImages: [String] {
        let prefix = "input//"
        return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
            .filter(Self.isImageName).sorted()
    }

    /// What `path` (relative, already normalised) names under the top folder `type`.
    func entry(type: String, path: [String]) -> Entry {
        guard let name = path.last else { return .folder }
        let key = Self.fileKey(type: type, subfolder: path.dropLast().joined(separator: "/"), filename: name)
        if let data = files[key] { return .file(data) }
        return folders.contains("\(type)/\(path.joined(separator: "/"))") ? .folder : .missing
    }

    /// Whether the folder `path` exists under `type` (the top folder always does).
    func folderExists(type: String, path: [String]) -> Bool {
        path.isEmpty || folders.contains("\(type)/\(path.joined(separator: "/"))")
    }

    /// Makes `path` and its parents under `type`, as `os.makedirs` would.
    mutating func makeFolders(type: String, path: [String]) {
        for end in path.indices {
            folders.insert("\(type)/\(path[...end].joined(separator: "/"))")
        }
    }

    /// A `LoadImage` value resolved as `folder_paths.get_annotated_filepath` does.
    ///
    /// `name [output]`, `name [temp]` and `name [input]` pick the folder (the suffix and the character before it are
    /// cut), anything else is under `input/`. Nil when the path leaves its folder (nothing exists there in the
    /// stand-in).
    static func annotatedPath(_ value: String) -> (type: String, path: [String])? {
        var name = value
        var type = "input"
        for folder in ["output", "input", "temp"] where name.hasSuffix("[\(folder)]") {
            name = String(name.dropLast(folder.count + 3))
            type = folder
            break
        }
        guard let path = normalised(name) else { return nil }
        return (type, path)
    }

    /// `os.path.normpath` of a relative path, as components; nil when it is absolute or climbs out with `..`.
    static func normalised(_ path: String) -> [String]? {
        guard !path.hasPrefix("/") else { return nil }
        var components: [String] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard components.popLast() != nil else { return nil }
            default: components.append(String(component))
            }
        }
        return components
    }

    /// The path ComfyUI's run-time errors show for a file under `type`.
    static func displayPath(type: String, path: [String]) -> String {
        "ComfyUI/\(type)/" + path.joined(separator: "/")
    }

    /// Whether Python's `mimetypes` calls the name an image (by extension), as ComfyUI's listing filter asks.
    static func isImageName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return imageExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private static let imageExtensions: Set<String> = [
        "png", "jpg", "jpeg", "jpe", "gif", "bmp", "webp", "tif", "tiff", "ico", "svg", "avif", "heic", "heif",
        "pbm", "pgm", "ppm", "pnm", "ras", "rgb", "xbm", "xpm", "xwd", "ief",
    ]
}
