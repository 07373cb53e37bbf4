import BevyAssets
import Foundation

extension SpritePipeline {
    /// Writes a tileset's descriptor beside its PNG in the job folder (`<name>.tileset.json`, the JSON a deploy
    /// writes, `image` naming the PNG beside it), so the job holds the pair; nothing for other sprites.
    func saveDescriptor(of result: SpriteResult, jobID: String) throws(SpriteEngineError) {
        guard let descriptor = result.tileset else { return }
        var file = TilesetDescriptorFile(descriptor)
        file.image = result.name + ".png"
        _ = try store.save(png: file.json(), jobID: jobID, fileName: result.name + ".tileset.json")
    }
}

extension SpriteResult {
    /// The tileset descriptor beside the PNG in the job folder; nil for a sprite that is not a tileset.
    package var tilesetDescriptorPath: String? {
        guard tileset != nil else { return nil }
        return String(path.dropLast(".png".count)) + ".tileset.json"
    }
}
