import PixelArt

/// How a tileset's pixels are coloured: each terrain's texture, repeating every tile so it continues across seams, a
/// dark bank on the terrain along the boundary and a light rim (foam) on the edge terrain.
struct TerrainArt: Sendable {
    /// One terrain's texture at tile size.
    struct Surface: Sendable {
        let texture: TileTexture
        let grid: ShadeGrid
        let scale: Int

        init(prompt: String, size: Int, palette: PaletteSnapper?, using random: inout SeededRandom) {
            texture = TileTexture(prompt: prompt, palette: palette, using: &random)
            (grid, scale) = texture.shadeGrid(width: size, height: size, using: &random)
        }

        /// The texture at tile pixel (x, y), its level moved by `delta` (positive darker).
        func colour(x: Int, y: Int, moved delta: Int = 0) -> RGBA {
            texture.colour(of: grid[x / scale, y / scale], moved: delta)
        }
    }

    let size: Int
    let field: TerrainField
    let terrain: Surface
    /// Nil: the edge terrain is transparent.
    let edge: Surface?

    init(spec: TilesetSpec) {
        size = spec.resolvedTileSize
        var random = SeededRandom(seed: spec.stableHash)
        let palette = spec.palette.flatMap(PaletteSnapper.init(palette:))
        terrain = Surface(prompt: spec.terrain, size: size, palette: palette, using: &random)
        let size = size
        if let prompt = spec.edge {
            edge = Surface(prompt: prompt, size: size, palette: palette, using: &random)
        } else {
            edge = nil
        }
        field = TerrainField(tileSize: size, noise: PeriodicNoise(period: size, using: &random))
    }

    /// The tile for `nodes`.
    func tile(_ nodes: TileNodes) -> RGBAImage {
        // Classes one pixel beyond every side, so the shore lines on the outer pixels see the neighbours' terrain.
        let span = size + 2
        var isEdge = [Bool](repeating: false, count: span * span)
        for y in -1...size {
            for x in -1...size { isEdge[(y + 1) * span + x + 1] = field.isEdge(x: x, y: y, nodes: nodes) }
        }
        var tile = RGBAImage(width: size, height: size)
        for y in 0..<size {
            for x in 0..<size {
                let index = (y + 1) * span + x + 1
                let here = isEdge[index]
                let touchesOther =
                    isEdge[index - 1] != here || isEdge[index + 1] != here || isEdge[index - span] != here
                    || isEdge[index + span] != here
                tile[x, y] = colour(x: x, y: y, isEdge: here, touchesOther: touchesOther)
            }
        }
        return tile
    }

    /// A pixel's colour from its terrain and whether a 4-neighbour shows the other one; x and y are tile pixels.
    func colour(x: Int, y: Int, isEdge: Bool, touchesOther: Bool) -> RGBA {
        if !isEdge { return terrain.colour(x: x, y: y, moved: touchesOther ? 2 : 0) }
        return edge?.colour(x: x, y: y, moved: touchesOther ? -2 : 0) ?? .clear
    }

    /// Every colour the tiles may use.
    var colours: [RGBA] {
        var colours = terrain.texture.allColours
        for colour in edge?.texture.allColours ?? [] where !colours.contains(colour) { colours.append(colour) }
        return colours
    }
}
