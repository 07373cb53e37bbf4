import PixelArt

extension TilesetPainter {
    /// A demo map of `columns × rows` cells from a random terrain grid (smoothed into blobs), every cell the tile its
    /// corners (wang16) or neighbours (blob47) call for; deterministic in `seed`.
    package func demoMap(_ tileset: Tileset, columns: Int = 8, rows: Int = 6, seed: UInt64) -> TileMap {
        var random = SeededRandom(seed: seed)
        switch tileset.descriptor.layout {
        case .wang16:
            let corners = Self.blobs(width: columns + 1, height: rows + 1, using: &random)
            return map(tileset, columns: columns, rows: rows, terrain: .corners(corners))
        case .blob47:
            let cells = Self.blobs(width: columns, height: rows, using: &random)
            return map(tileset, columns: columns, rows: rows, terrain: .cells(cells))
        }
    }

    /// The map whose terrain is `terrain` (sized for `columns × rows` cells), laid out with `tileset`'s tiles.
    package func map(_ tileset: Tileset, columns: Int, rows: Int, terrain: TileMap.Terrain) -> TileMap {
        var tiles: [Int] = []
        switch terrain {
        case .corners(let corners):
            func corner(_ x: Int, _ y: Int) -> Int { corners[y * (columns + 1) + x] }
            for y in 0..<rows {
                for x in 0..<columns {
                    tiles.append(corner(x, y) + 2 * corner(x + 1, y) + 4 * corner(x + 1, y + 1) + 8 * corner(x, y + 1))
                }
            }
        case .cells(let cells):
            let indexOfMask = Dictionary(uniqueKeysWithValues: TileNodes.blobMasks.enumerated().map { ($1, $0) })
            func isTerrain(_ x: Int, _ y: Int) -> Bool {
                x < 0 || y < 0 || x >= columns || y >= rows || cells[y * columns + x] == 0
            }
            for y in 0..<rows {
                for x in 0..<columns {
                    guard isTerrain(x, y) else {
                        tiles.append(TileNodes.blobMasks.count)
                        continue
                    }
                    let mask = Self.blobMask { dx, dy in isTerrain(x + dx, y + dy) }
                    tiles.append(indexOfMask[mask] ?? 0)
                }
            }
        }
        let size = tileset.descriptor.tileSize
        var image = RGBAImage(width: columns * size, height: rows * size)
        for (cell, index) in tiles.enumerated() {
            let tile = tileset.tile(index)
            for y in 0..<size {
                for x in 0..<size { image[cell % columns * size + x, cell / columns * size + y] = tile[x, y] }
            }
        }
        return TileMap(columns: columns, rows: rows, tiles: tiles, terrain: terrain, image: image)
    }

    /// The reduced blob mask of a terrain cell whose neighbour at (dx, dy) is terrain when `isTerrain(dx, dy)`.
    static func blobMask(_ isTerrain: (Int, Int) -> Bool) -> Int {
        let north = isTerrain(0, -1)
        let east = isTerrain(1, 0)
        let south = isTerrain(0, 1)
        let west = isTerrain(-1, 0)
        var mask = 0
        if north { mask |= 1 }
        if north && east && isTerrain(1, -1) { mask |= 2 }
        if east { mask |= 4 }
        if south && east && isTerrain(1, 1) { mask |= 8 }
        if south { mask |= 16 }
        if south && west && isTerrain(-1, 1) { mask |= 32 }
        if west { mask |= 64 }
        if north && west && isTerrain(-1, -1) { mask |= 128 }
        return mask
    }

    /// A `width × height` grid of 0 and 1 in blobs: random values, then each the majority of its 3 × 3 neighbourhood.
    static func blobs(width: Int, height: Int, using random: inout SeededRandom) -> [Int] {
        let noise = (0..<(width * height)).map { _ in random.chance(percent: 45) ? 1 : 0 }
        return (0..<(width * height)).map { index in
            let x = index % width
            let y = index / width
            var ones = 0
            var count = 0
            for dy in -1...1 {
                for dx in -1...1 where (0..<width).contains(x + dx) && (0..<height).contains(y + dy) {
                    ones += noise[(y + dy) * width + x + dx]
                    count += 1
                }
            }
            return ones * 2 > count ? 1 : 0
        }
    }
}
