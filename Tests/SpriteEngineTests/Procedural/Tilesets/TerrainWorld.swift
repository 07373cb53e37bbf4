import PixelArt

@testable import SpriteEngine

/// An independent rendering of a whole map for the seam tests: every pixel classified with its own cell's nodes, every
/// shore line looking at the real neighbouring cell, never at a tile's guess of it.
///
/// A map assembled from tiles must equal it pixel for pixel.
struct TerrainWorld {
    let art: TerrainArt
    let columns: Int
    let rows: Int
    /// The nodes of each cell, row-major.
    let nodes: [TileNodes]

    /// The world of a tile map, its nodes taken from the tileset's descriptor for each tile.
    init(art: TerrainArt, map: TileMap, tileset: Tileset) {
        self.art = art
        columns = map.columns
        rows = map.rows
        let entries = TilesetPainter.entries(for: tileset.descriptor.layout)
        nodes = map.tiles.map { entries[$0].nodes }
    }

    init(art: TerrainArt, columns: Int, rows: Int, nodes: [TileNodes]) {
        self.art = art
        self.columns = columns
        self.rows = rows
        self.nodes = nodes
    }

    func render() -> RGBAImage {
        let (width, height) = (columns * art.size, rows * art.size)
        // Every pixel's terrain once, with a one-pixel border, then the shore lines from those.
        let span = width + 2
        var classes = [Bool](repeating: false, count: span * (height + 2))
        for y in -1...height {
            for x in -1...width { classes[(y + 1) * span + x + 1] = isEdge(x, y) }
        }
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let index = (y + 1) * span + x + 1
                let here = classes[index]
                let others =
                    classes[index - 1] != here || classes[index + 1] != here || classes[index - span] != here
                    || classes[index + span] != here
                image[x, y] = art.colour(x: x % art.size, y: y % art.size, isEdge: here, touchesOther: others)
            }
        }
        return image
    }

    /// The colour of world pixel (x, y).
    func colour(_ x: Int, _ y: Int) -> RGBA {
        let here = isEdge(x, y)
        let others =
            isEdge(x - 1, y) != here || isEdge(x + 1, y) != here || isEdge(x, y - 1) != here || isEdge(x, y + 1) != here
        return art.colour(x: x % art.size, y: y % art.size, isEdge: here, touchesOther: others)
    }

    /// The terrain at world pixel (x, y); beyond the map, what the nearest cell draws there.
    func isEdge(_ x: Int, _ y: Int) -> Bool {
        let size = art.size
        let column = min(max(x >= 0 ? x / size : -1, 0), columns - 1)
        let row = min(max(y >= 0 ? y / size : -1, 0), rows - 1)
        return art.field.isEdge(x: x - column * size, y: y - row * size, nodes: nodes[row * columns + column])
    }
}
