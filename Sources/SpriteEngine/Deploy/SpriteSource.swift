import Foundation

/// One PNG a deploy call refers to, with what the job that made it knows about it.
struct SpriteSource {
    var url: URL
    var name: String
    var category: String?
    var sprite: SpriteResult?

    /// Expands a job id, `sprite://` URI, PNG path or directory into sources.
    static func resolve(
        _ reference: String,
        field: String,
        store: SpriteStore,
        jobs: (String) -> JobRecord?
    ) throws(SpriteEngineError) -> [SpriteSource] {
        if reference.hasPrefix("sprite://") {
            let url = try store.file(for: reference)
            let jobID = String(reference.dropFirst("sprite://".count).prefix { $0 != "/" })
            let sprite = jobs(jobID)?.items.compactMap(\.sprite).first { $0.uri == reference }
            return [
                SpriteSource(
                    url: url,
                    name: url.deletingPathExtension().lastPathComponent,
                    category: sprite?.category,
                    sprite: sprite
                )
            ]
        }
        if JobRecord.isWellFormedID(reference) {
            guard let record = jobs(reference) else { throw .unknownJob(reference) }
            let sprites = record.items.compactMap(\.sprite)
            guard !sprites.isEmpty else {
                throw .invalidArgument(field: field, message: "job \(reference) has no finished sprites to deploy")
            }
            return sprites.map { sprite in
                SpriteSource(
                    url: URL(fileURLWithPath: sprite.path),
                    name: sprite.name,
                    category: sprite.category,
                    sprite: sprite
                )
            }
        }
        guard reference.hasPrefix("/") else {
            throw .invalidArgument(
                field: field,
                message: "'\(reference)' is not a job id, a sprite:// URI or an absolute path"
            )
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory) else {
            throw .spriteNotFound(reference)
        }
        let url = URL(fileURLWithPath: reference)
        guard isDirectory.boolValue else {
            return [SpriteSource(url: url, name: url.deletingPathExtension().lastPathComponent)]
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: reference)) ?? [])
            .filter { $0.lowercased().hasSuffix(".png") && !$0.hasPrefix(".") }
            .sorted()
        guard !files.isEmpty else {
            throw .invalidArgument(field: field, message: "directory \(reference) holds no .png files")
        }
        return files.map { file in
            let fileURL = url.appendingPathComponent(file)
            return SpriteSource(url: fileURL, name: fileURL.deletingPathExtension().lastPathComponent)
        }
    }
}
