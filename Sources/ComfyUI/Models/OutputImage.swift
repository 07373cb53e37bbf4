/// One image a prompt produced, as `executed` events and `/history` name it; `GET /view` fetches it.
package struct OutputImage: Sendable, Hashable, Codable {
    package var filename: String
    package var subfolder: String
    package var type: String

    package init(filename: String, subfolder: String = "", type: String = "output") {
        self.filename = filename
        self.subfolder = subfolder
        self.type = type
    }

    /// The images of one node's output (`{"images": [...]}`); other kinds of output are skipped.
    package static func list(in output: JSONValue?) -> [OutputImage] {
        (output?["images"]?.arrayValue ?? []).compactMap { entry in
            guard let filename = entry["filename"]?.stringValue else { return nil }
            return OutputImage(
                filename: filename,
                subfolder: entry["subfolder"]?.stringValue ?? "",
                type: entry["type"]?.stringValue ?? "output"
            )
        }
    }
}
