import Foundation
import PixelArt

/// Sprites already made, by what made them: `<output_dir>/cache/<key>.json` points at the sprite's PNG.
///
/// The key is a SHA-256 over the request (every option but the file name), the seed and the generator's identity
/// (engine version; for ComfyUI the template and the whole bound graph), so any change that could change the pixels
/// is a different entry. A hit is linked into the new job's folder and reported with `cached: true`.
package struct SpriteCache: Sendable {
    package let directory: URL

    package init(directory: URL) {
        self.directory = directory
    }

    /// The key of `request` made with `seed` by a generator whose identity is `identity`.
    package static func key(for request: SpriteRequest, seed: UInt64, identity: String) -> String {
        var normalized = request
        normalized.name = ""
        normalized.seed = seed
        normalized.force = false
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(normalized)) ?? Data()
        return SHA256.hex(Data(identity.utf8) + Data([0]) + body)
    }

    /// The sprite stored under `key`, if its PNG is still there with the recorded size; an entry whose file is gone
    /// (its job was pruned) is dropped, never served.
    package func lookup(_ key: String) -> SpriteResult? {
        let url = directory.appendingPathComponent(key + ".json")
        guard let data = try? Data(contentsOf: url),
            let result = try? JSONDecoder().decode(SpriteResult.self, from: data)
        else {
            EngineMetrics.cacheLookup(hit: false)
            return nil
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: result.path),
            (attributes[.size] as? NSNumber)?.intValue == result.fileSize
        else {
            try? FileManager.default.removeItem(at: url)
            EngineMetrics.cacheLookup(hit: false)
            return nil
        }
        EngineMetrics.cacheLookup(hit: true)
        return result
    }

    /// Removes every entry whose sprite file is gone; how many there were.
    package func dropDanglingEntries(dryRun: Bool = false) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var dropped = 0
        let decoder = JSONDecoder()
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url),
                let result = try? decoder.decode(SpriteResult.self, from: data)
            else { continue }
            guard !FileManager.default.fileExists(atPath: result.path) else { continue }
            if !dryRun { try? FileManager.default.removeItem(at: url) }
            dropped += 1
        }
        return dropped
    }

    /// Remembers `result` under `key` (written to a temporary file, then renamed).
    package func remember(_ result: SpriteResult, as key: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(result) else { return }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? data.write(to: directory.appendingPathComponent(key + ".json"), options: .atomic)
    }
}
