import Foundation

extension SpritePlan {
    /// Makes this plan a tileset's: points the descriptor at the final PNG and plans `.tileset.ron` and
    /// `.tileset.json` beside it, written before the PNG so the three land as a unit.
    mutating func attach(_ file: TilesetDescriptorFile, writer: AssetWriter) throws(BevyAssetsError) {
        var file = file
        file.image = assetPath
        guard file.columns * file.tileSize == sprite.width, file.rows * file.tileSize == sprite.height,
            file.tiles.count <= file.columns * file.rows
        else {
            throw .invalidSprite(
                name: sprite.name,
                reason: "its \(sprite.width)x\(sprite.height) PNG is not the \(file.columns)x\(file.rows) grid of "
                    + "\(file.tileSize) px tiles its descriptor describes"
            )
        }
        tileset = file
        let ron = file.ron()
        do {
            _ = try RONReader.parse(ron)
        } catch {
            throw .invalidSprite(
                name: sprite.name,
                reason: "the generated .tileset.ron does not parse (line \(error.line): \(error.reason))"
            )
        }
        let targets = [
            (try writer.plan(relativePath: TilesetDescriptorFile.ronPath(name: name)), Data(ron.utf8)),
            (try writer.plan(relativePath: TilesetDescriptorFile.jsonPath(name: name)), file.json()),
        ]
        sheetFiles += targets.map { url, data in
            PlannedFile(
                url: url,
                data: data,
                action: isSkipped ? .skipped : Self.action(writing: data, to: url),
                kind: .tileset
            )
        }
    }
}
