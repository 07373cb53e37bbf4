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

    /// Encodes with the same key style the schemas document (keys as declared).
    ///
    /// Goes through `PlainJSON` rather than decoding `Value` directly: `Value`'s decoder runs a data-URL regex on
    /// every string, which was 16 % of a `generate_sprite` call's time.
    static func encode(_ value: some Encodable) throws -> Value {
        let data = try JSONEncoder().encode(value)
        return try JSONDecoder().decode(PlainJSON.self, from: data).value
    }
}

/// Any JSON value, decoded without interpretation, then turned into the SDK's `Value`.
private enum PlainJSON: Decodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([PlainJSON])
    case object([String: PlainJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let array = try? container.decode([PlainJSON].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: PlainJSON].self))
        }
    }

    var value: Value {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .array(let array): .array(array.map(\.value))
        case .object(let object): .object(object.mapValues(\.value))
        }
    }
}
