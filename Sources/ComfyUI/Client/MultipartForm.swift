import Foundation

/// A `multipart/form-data` body (RFC 7578): text fields and file parts, as ComfyUI's upload routes read them.
struct MultipartForm: Sendable {
    /// One part: a text field, or a file when `filename` is set.
    struct Part: Sendable {
        var name: String
        var filename: String?
        var contentType: String?
        var content: Data
    }

    let boundary: String
    private(set) var parts: [Part] = []

    init(boundary: String = "dgx-pixels-" + UUID().uuidString.lowercased()) {
        self.boundary = boundary
    }

    /// The `Content-Type` header value naming the boundary.
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func addField(_ name: String, _ value: String) {
        parts.append(Part(name: name, content: Data(value.utf8)))
    }

    mutating func addFile(_ name: String, filename: String, contentType: String, content: Data) {
        parts.append(Part(name: name, filename: filename, contentType: contentType, content: content))
    }

    /// The encoded body.
    var body: Data {
        var data = Data()
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(part.name))\""
            if let filename = part.filename { head += "; filename=\"\(Self.quoted(filename))\"" }
            head += "\r\n"
            if let contentType = part.contentType { head += "Content-Type: \(contentType)\r\n" }
            head += "\r\n"
            data.append(Data(head.utf8))
            data.append(part.content)
            data.append(Data("\r\n".utf8))
        }
        data.append(Data("--\(boundary)--\r\n".utf8))
        return data
    }

    /// A quoted-string body, `"` and `\` escaped with a backslash as aiohttp (ComfyUI's server) reads them.
    ///
    /// Callers keep CR and LF out of names.
    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
