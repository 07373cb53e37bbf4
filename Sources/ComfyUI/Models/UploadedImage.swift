/// An image stored on the server by `POST /upload/image`, as ComfyUI answered: `{"name", "subfolder", "type"}`.
///
/// ComfyUI may store it under another name than the one asked for (`up (1).png` when a different file already has
/// that name and overwriting was not asked), so always use the answer.
package struct UploadedImage: Sendable, Hashable {
    /// The file name ComfyUI stored.
    package var name: String
    /// The folder under `type`, `""` at the top.
    package var subfolder: String
    /// `input` for images a `LoadImage` node reads.
    package var type: String

    package init(name: String, subfolder: String = "", type: String = "input") {
        self.name = name
        self.subfolder = subfolder
        self.type = type
    }

    /// The value for `LoadImage`'s `image` input: `subfolder/name`, or `name` at the top of `input/`.
    package var loadImageName: String {
        subfolder.isEmpty ? name : "\(subfolder)/\(name)"
    }

    /// Reads ComfyUI's answer; nil when it has no `name`.
    init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue, !name.isEmpty else { return nil }
        self.init(
            name: name,
            subfolder: json["subfolder"]?.stringValue ?? "",
            type: json["type"]?.stringValue ?? "input"
        )
    }
}
