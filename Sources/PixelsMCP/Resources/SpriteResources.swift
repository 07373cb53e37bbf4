import Foundation
import MCP
import SpriteEngine

/// `resources/*`: sprites as `sprite://{job_id}/{file}` PNG blobs, jobs as `job://{job_id}` JSON, and the style
/// presets as JSON.
enum SpriteResources {
    static let stylesURI = "dgx-pixels://styles"

    static let templates = [
        Resource.Template(
            uriTemplate: "sprite://{job_id}/{file}",
            name: "sprite",
            title: "Generated sprite",
            description: "A PNG made by generate_sprite or generate_batch.",
            mimeType: "image/png"
        ),
        Resource.Template(
            uriTemplate: "job://{job_id}",
            name: "job",
            title: "Generate job",
            description: "A job's status and per-item results (what get_job returns), for jobs of any server run.",
            mimeType: "application/json"
        ),
    ]

    static let jobScheme = "job://"

    static func list(engine: GenerationEngine) async -> [Resource] {
        var resources = [
            Resource(
                name: "styles",
                uri: stylesURI,
                title: "Style presets",
                description: "The style presets generate_sprite accepts, with their palettes and sizes.",
                mimeType: "application/json"
            )
        ]
        for job in await engine.recentJobs(limit: 50) {
            resources.append(
                Resource(
                    name: "job " + job.id,
                    uri: jobScheme + job.id,
                    title: "\(job.kind) job \(job.id)",
                    description: "\(job.status.rawValue): \(job.succeeded) of \(job.total) made",
                    mimeType: "application/json"
                )
            )
        }
        for sprite in await engine.recentSprites(limit: 100) {
            resources.append(
                Resource(
                    name: sprite.name + ".png",
                    uri: sprite.uri,
                    title: sprite.prompt,
                    description: "\(sprite.width)×\(sprite.height) \(sprite.category) sprite, seed \(sprite.seed)",
                    mimeType: "image/png",
                    size: sprite.fileSize
                )
            )
        }
        return resources
    }

    static func read(_ uri: String, engine: GenerationEngine) async throws -> [Resource.Content] {
        if uri.hasPrefix(jobScheme) {
            do {
                let record = try await engine.job(String(uri.dropFirst(jobScheme.count)))
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let text = String(decoding: try encoder.encode(record), as: UTF8.self)
                return [.text(text, uri: uri, mimeType: "application/json")]
            } catch let error as SpriteEngineError {
                throw MCPError.invalidParams(error.description)
            }
        }
        if uri == stylesURI {
            let styles = engine.configuration.styles.values.sorted { $0.name < $1.name }.map(StyleSummary.init)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let text = String(decoding: try encoder.encode(styles), as: UTF8.self)
            return [.text(text, uri: uri, mimeType: "application/json")]
        }
        do {
            let url = try engine.store.file(for: uri)
            return [.binary(try Data(contentsOf: url), uri: uri, mimeType: "image/png")]
        } catch let error as SpriteEngineError {
            throw MCPError.invalidParams(error.description)
        }
    }

    /// A style preset as the styles resource shows it.
    private struct StyleSummary: Encodable {
        var name: String
        var description: String
        var size: String
        var palette: String?
        var colors: Int
        var outline: Bool
        var background: String

        init(_ style: StylePreset) {
            name = style.name
            description = style.description
            size = style.size.description
            palette = style.palette?.name
            colors = style.maxColors
            outline = style.outline
            background = style.background.description
        }
    }
}
