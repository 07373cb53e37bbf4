import PixelArt

/// What a finished sprite is: where it lives, how it was made, and its validation report.
package struct SpriteResult: Codable, Sendable, Equatable {
    /// Milliseconds spent in each stage.
    package struct Timings: Codable, Sendable, Equatable {
        package var generateMS: Double
        /// Of `generateMS`, the part spent turning a painted image into the sprite (ComfyUI engine only).
        package var postprocessMS: Double?
        package var encodeMS: Double
        package var validateMS: Double
        package var saveMS: Double
        package var totalMS: Double

        enum CodingKeys: String, CodingKey {
            case generateMS = "generate_ms"
            case postprocessMS = "postprocess_ms"
            case encodeMS = "encode_ms"
            case validateMS = "validate_ms"
            case saveMS = "save_ms"
            case totalMS = "total_ms"
        }
    }

    package var jobID: String
    package var name: String
    package var category: String
    package var prompt: String
    package var style: String
    package var engine: String
    package var backend: String?
    /// The ComfyUI prompt id that painted it (ComfyUI engine only).
    package var promptID: String?
    /// True when the sprite came from the cache (the same request, seed and engine made it before).
    package var cached: Bool?
    package var seed: UInt64
    package var width: Int
    package var height: Int
    package var path: String
    package var uri: String
    package var fileSize: Int
    package var colorsUsed: Int
    package var palette: String?
    package var contentHash: String
    package var validation: ValidationReport
    package var timings: Timings
    /// How the PNG is cut into frames, for an animation sheet (`animation`).
    package var sheet: AnimationSheetLayout?
    /// What each tile is, for a tileset (`generate_tileset`); tiles are row-major in the PNG.
    package var tileset: TilesetDescriptor?

    enum CodingKeys: String, CodingKey {
        case jobID = "job_id"
        case name, category, prompt, style, engine, backend
        case promptID = "prompt_id"
        case cached
        case seed, width, height, path, uri
        case fileSize = "file_size"
        case colorsUsed = "colors_used"
        case palette
        case contentHash = "content_hash"
        case validation, timings, sheet, tileset
    }
}
