import PixelArt
import Testing

@testable import SpriteEngine

extension ProceduralTests {
    /// The seam rules, checked exhaustively: a tile's outer 2-pixel strip along a side depends only on that side's
    /// nodes (wang16: its two corners; blob47: its two corners and the edge between), and any two tiles that agree on
    /// a shared side meet without a seam, the terrain texture running on across it.
    ///
    /// The cases run one at a time (`.serialized`): hundreds of CPU-bound cases at once would hold every thread of the
    /// test process and starve the engine tests' jobs running beside them.
    @Suite("Tileset seams", .serialized)
    struct TilesetSeamTests {
        static let cases: [(TilesetLayout, Int, UInt64)] = [
            (.wang16, 8, 1), (.wang16, 16, 2), (.wang16, 23, 3), (.wang16, 64, 4),
            (.blob47, 8, 5), (.blob47, 16, 6), (.blob47, 32, 7),
        ]

        func spec(_ layout: TilesetLayout, _ size: Int, _ seed: UInt64, edge: String? = "water") -> TilesetSpec {
            TilesetSpec(terrain: "grass", edge: edge, tileSize: size, layout: layout, seed: seed)
        }

        /// The outermost 2-pixel strip of `tile` along `side`.
        func strip(_ tile: RGBAImage, _ side: TileSide) -> [RGBA] {
            let size = tile.width
            return (0..<size).flatMap { along in
                (0..<2).map { depth in
                    switch side {
                    case .north: tile[along, depth]
                    case .south: tile[along, size - 1 - depth]
                    case .west: tile[depth, along]
                    case .east: tile[size - 1 - depth, along]
                    }
                }
            }
        }

        @Test("Each side's outer 2-pixel strip is a function of that side's nodes alone", arguments: cases)
        func stripsFollowNodes(layout: TilesetLayout, size: Int, seed: UInt64) {
            for edge in ["water", nil] as [String?] {
                let tileset = TilesetPainter().paint(spec(layout, size, seed, edge: edge))
                let entries = TilesetPainter.entries(for: layout)
                for side in TileSide.allCases {
                    var seen: [[Int]: [RGBA]] = [:]
                    var groups = 0
                    for (index, entry) in entries.enumerated() {
                        let strip = strip(tileset.tile(index), side)
                        if let earlier = seen[entry.nodes.side(side)] {
                            #expect(earlier == strip, "\(layout) \(size) tile \(index) \(side)")
                        } else {
                            seen[entry.nodes.side(side)] = strip
                            groups += 1
                        }
                    }
                    #expect(groups == (layout == .wang16 ? 4 : seen.count))
                }
            }
        }

        @Test(
            "Every pair of tiles that agree on a shared side meets seamlessly",
            arguments: cases.filter { $0.1 <= 16 || $0.0 == .wang16 }
        )
        func pairsMeetSeamlessly(layout: TilesetLayout, size: Int, seed: UInt64) {
            let spec = spec(layout, size, seed)
            let tileset = TilesetPainter().paint(spec)
            let art = TerrainArt(spec: spec)
            let entries = TilesetPainter.entries(for: layout)
            let tiles = entries.indices.map { tileset.tile($0) }
            // The band either side of the seam, as wide as the field's flat zone and the shore line that looks past
            // it; inside that band a tile's pixels are computed exactly as everywhere else.
            let band = (size - TerrainField.flatWidth - 1)..<(size + TerrainField.flatWidth + 1)
            var checked = 0
            for (a, first) in entries.enumerated() {
                for (b, second) in entries.enumerated() {
                    if first.nodes.side(.east) == second.nodes.side(.west) {
                        let world = TerrainWorld(art: art, columns: 2, rows: 1, nodes: [first.nodes, second.nodes])
                        for y in 0..<size {
                            for x in band {
                                let tile = x < size ? tiles[a][x, y] : tiles[b][x - size, y]
                                if tile != world.colour(x, y) { Issue.record("\(a)|\(b) differ at \(x), \(y)") }
                            }
                        }
                        checked += 1
                    }
                    if first.nodes.side(.south) == second.nodes.side(.north) {
                        let world = TerrainWorld(art: art, columns: 1, rows: 2, nodes: [first.nodes, second.nodes])
                        for y in band {
                            for x in 0..<size {
                                let tile = y < size ? tiles[a][x, y] : tiles[b][x, y - size]
                                if tile != world.colour(x, y) { Issue.record("\(a) over \(b) differ at \(x), \(y)") }
                            }
                        }
                        checked += 1
                    }
                }
            }
            #expect(checked >= (layout == .wang16 ? 128 : 400))
        }

        @Test(
            "Demo maps are valid arrangements, assembled seamlessly, the terrain texture continuous",
            arguments: cases.filter { $0.1 <= 32 }
        )
        func demoMaps(layout: TilesetLayout, size: Int, seed: UInt64) throws {
            let spec = spec(layout, size, seed)
            let tileset = TilesetPainter().paint(spec)
            let art = TerrainArt(spec: spec)
            for mapSeed: UInt64 in 1...2 {
                let map = TilesetPainter().demoMap(tileset, seed: mapSeed)
                #expect(map.columns == 8 && map.rows == 6 && map.tiles.count == 48)
                #expect(map.image.width == 8 * size && map.image.height == 6 * size)
                let nodes = map.tiles.map { TilesetPainter.entries(for: layout)[$0].nodes }
                for row in 0..<6 {
                    for column in 0..<8 {
                        let here = nodes[row * 8 + column]
                        if column < 7 { #expect(here.side(.east) == nodes[row * 8 + column + 1].side(.west)) }
                        if row < 5 { #expect(here.side(.south) == nodes[(row + 1) * 8 + column].side(.north)) }
                    }
                }
                let world = TerrainWorld(art: art, map: map, tileset: tileset)
                let rendered = world.render()
                #expect(rendered.pixels == map.image.pixels, "map \(mapSeed)")
                // Away from the shore, terrain pixels are the one repeating texture, whichever tile they are in.
                for y in 0..<map.image.height {
                    for x in 0..<map.image.width where !world.isEdge(x, y) {
                        let shore = [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)].contains {
                            world.isEdge($0.0, $0.1)
                        }
                        if !shore && map.image[x, y] != art.terrain.colour(x: x % size, y: y % size) {
                            Issue.record("map \(mapSeed): terrain at \(x), \(y) is not the repeating texture")
                        }
                    }
                }
            }
        }

        @Test("Demo maps pick each cell's tile from its corners or neighbours")
        func demoMapTiles() throws {
            let wang = TilesetPainter().paint(spec(.wang16, 16, 1))
            let wangMap = TilesetPainter().demoMap(wang, seed: 4)
            guard case .corners(let corners) = wangMap.terrain else {
                Issue.record("a wang16 map is laid out from corners")
                return
            }
            for (cell, index) in wangMap.tiles.enumerated() {
                let (x, y) = (cell % 8, cell / 8)
                let expected = [
                    corners[y * 9 + x], corners[y * 9 + x + 1], corners[(y + 1) * 9 + x + 1], corners[(y + 1) * 9 + x],
                ]
                #expect(wang.descriptor.tiles[index].corners == expected)
            }
            #expect(Set(wangMap.tiles).count > 3, "a demo map mixes tiles")
            let blob = TilesetPainter().paint(spec(.blob47, 16, 1))
            let blobMap = TilesetPainter().demoMap(blob, seed: 4)
            guard case .cells(let cells) = blobMap.terrain else {
                Issue.record("a blob47 map is laid out from cells")
                return
            }
            for (cell, index) in blobMap.tiles.enumerated() {
                #expect((index == 47) == (cells[cell] == 1))
            }
        }

        private func joined(_ tiles: [RGBAImage], columns: Int) -> RGBAImage {
            let size = tiles[0].width
            let rows = tiles.count / columns
            var image = RGBAImage(width: columns * size, height: rows * size)
            for (index, tile) in tiles.enumerated() {
                for y in 0..<size {
                    for x in 0..<size { image[index % columns * size + x, index / columns * size + y] = tile[x, y] }
                }
            }
            return image
        }
    }
}
