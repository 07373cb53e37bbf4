import Foundation
import MCP
import PixelArt
import SpriteEngine

/// The small inline PNG a tool result shows: nearest-upscaled so pixels stay crisp, and capped in bytes.
enum Preview {
    /// The preview PNG of `png`, or nil when no upscale fits within `maxBytes` (the resource link still works).
    static func make(from png: Data, maxEdge: Int, maxBytes: Int) -> Data? {
        guard maxBytes > 0, let image = try? PNGCodec.decode(png) else { return nil }
        var factor = max(1, maxEdge / max(image.width, image.height))
        while factor >= 1 {
            if let encoded = try? PNGCodec.encode(image, scaledBy: factor), encoded.count <= maxBytes { return encoded }
            factor /= 2
        }
        return nil
    }

    /// The previews a generate result carries for `sprite`: none when the call said `return_image: false` or no
    /// upscale fits `output.preview_max_bytes`.
    static func of(_ sprite: SpriteResult, arguments: [String: Value], configuration: Configuration) -> [Data] {
        guard arguments["return_image"]?.boolValue != false,
            let png = try? Data(contentsOf: URL(fileURLWithPath: sprite.path)),
            let preview = make(
                from: png,
                maxEdge: configuration.output.previewMaxEdge,
                maxBytes: configuration.output.previewMaxBytes
            )
        else { return [] }
        return [preview]
    }

    /// A batch's contact sheet as an inline preview: as is when it fits in `maxBytes`, else halved until it does.
    static func sheet(at path: String, maxBytes: Int) -> Data? {
        guard maxBytes > 0, let png = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return nil }
        if png.count <= maxBytes { return png }
        guard var image = try? PNGCodec.decode(png) else { return nil }
        while image.width > 16 {
            image = image.resizedNearest(width: image.width / 2, height: max(1, image.height / 2))
            if let encoded = try? PNGCodec.encode(image), encoded.count <= maxBytes { return encoded }
        }
        return nil
    }
}
