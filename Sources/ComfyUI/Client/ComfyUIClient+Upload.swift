import Foundation

extension ComfyUIClient {
    /// `POST /upload/image`: stores a PNG in the server's `input/` folder, where a `LoadImage` node reads it.
    ///
    /// Retried like a GET (connect errors, 5xx): with `overwrite` the same upload replaces the same file, and
    /// without it ComfyUI compares the bytes with the file already under that name and answers that name again when
    /// they are equal, so a repeated upload never leaves a second copy either way.
    ///
    /// - Parameters:
    ///   - png: The image bytes (ComfyUI does not check them; `LoadImage` fails at run time on bytes it cannot read).
    ///   - name: The file name to store, such as `frame-0.png`: no `/`, `\` or control characters.
    ///   - subfolder: A folder under `input/` (`dgx-pixels/job-1`), created when missing; `""` for the top.
    ///   - overwrite: Replace a file of that name; otherwise ComfyUI keeps it and may store under another name
    ///     (`frame-0 (1).png`) when the bytes differ.
    /// - Returns: Where ComfyUI stored it; `loadImageName` is the value for `LoadImage`'s `image` input.
    /// - Throws: `ComfyUIError` (`.invalidUpload` before sending when the name or folder cannot be stored).
    package func uploadImage(
        _ png: Data,
        name: String,
        subfolder: String = "",
        overwrite: Bool
    ) async throws -> UploadedImage {
        let operation = "POST /upload/image"
        if let reason = Self.problem(withFileName: name) {
            throw ComfyUIError.invalidUpload(backend: backend, name: name, reason: reason)
        }
        if let reason = Self.problem(withSubfolder: subfolder) {
            throw ComfyUIError.invalidUpload(backend: backend, name: name, reason: reason)
        }
        var form = MultipartForm()
        form.addFile("image", filename: name, contentType: "image/png", content: png)
        form.addField("type", "input")
        if !subfolder.isEmpty { form.addField("subfolder", subfolder) }
        form.addField("overwrite", overwrite ? "true" : "false")
        let response = try await http.post(
            "upload/image",
            body: form.body,
            contentType: form.contentType,
            retrying: true
        )
        guard response.status == 200 else { throw http.failure(operation, response) }
        guard let json = try? JSONValue(parsing: response.body), let uploaded = UploadedImage(json: json) else {
            throw ComfyUIError.badResponse(
                backend: backend,
                operation: operation,
                reason: "expected {\"name\", \"subfolder\", \"type\"}"
            )
        }
        logger.debug(
            "image uploaded",
            metadata: ["comfyui.image": "\(uploaded.loadImageName)", "comfyui.bytes": "\(png.count)"]
        )
        return uploaded
    }

    /// Why ComfyUI could not store a file under `name` as given, or nil.
    ///
    /// ComfyUI joins the name to the folder: a `/` would reach into another folder (HTTP 500 when it does not
    /// exist), `..` out of `input/` (HTTP 400), and an empty name is read as a plain field (HTTP 500).
    static func problem(withFileName name: String) -> String? {
        if name.isEmpty { return "the file name is empty" }
        if name == "." || name == ".." { return "'\(name)' is not a file name" }
        if name.contains("/") || name.contains("\\") { return "a file name cannot contain '/' or '\\'" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "a file name cannot contain control characters"
        }
        return nil
    }

    /// Why ComfyUI could not use `subfolder` (folders separated by `/`), or nil; `""` is the top of `input/`.
    static func problem(withSubfolder subfolder: String) -> String? {
        guard !subfolder.isEmpty else { return nil }
        if subfolder.hasPrefix("/") { return "the subfolder '\(subfolder)' must be relative to input/" }
        for component in subfolder.split(separator: "/", omittingEmptySubsequences: false) {
            if let problem = problem(withFileName: String(component)) {
                return "the subfolder '\(subfolder)' is not a plain relative path (\(problem))"
            }
        }
        return nil
    }
}
