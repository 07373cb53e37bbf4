import Foundation
import MCP

/// The one place that builds tool results, so SDK changes to content types stay here.
extension CallTool.Result {
    /// A successful result: a text summary, the structured content, optional PNG previews and resource links.
    static func success(
        summary: String,
        structured: some Encodable,
        previews: [Data] = [],
        links: [(uri: String, name: String, description: String)] = []
    ) throws -> CallTool.Result {
        var content: [Tool.Content] = [.text(text: summary, annotations: nil, _meta: nil)]
        for preview in previews {
            content.append(
                .image(data: preview.base64EncodedString(), mimeType: "image/png", annotations: nil, _meta: nil)
            )
        }
        for link in links {
            content.append(
                .resourceLink(uri: link.uri, name: link.name, description: link.description, mimeType: "image/png")
            )
        }
        return try CallTool.Result(content: content, structuredContent: encode(structured), isError: false)
    }

    /// A tool error (`isError: true`) with an actionable message, and structured detail when there is some.
    static func failure(_ message: String, structured: (some Encodable)? = Optional<String>.none) -> CallTool.Result {
        let value = structured.flatMap { try? encode($0) }
        return CallTool.Result(
            content: [.text(text: message, annotations: nil, _meta: nil)],
            structuredContent: value,
            isError: true
        )
    }

    /// Encodes with the same key style the schemas document (keys as declared), straight into `Value`.
    static func encode(_ value: some Encodable) throws -> Value {
        try ValueEncoder.encode(value)
    }
}
