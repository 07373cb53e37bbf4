import MCP
import PixelArt
import Testing

/// Checks a tileset as a client sees it (the PNG and the result's `tileset` descriptor), knowing nothing of the
/// painter: the border rule over every tile and the seams of every pair that may sit side by side.
struct TilesetCheck {
    enum Side: CaseIterable { case north, east, south, west }

    let image: RGBAImage
    let size: Int
    let columns: Int
    /// Per tile, its nodes along each side in order along it: the two corners, and for blob47 the edge between.
    let sides: [[Side: [Int]]]

    init(image: RGBAImage, descriptor: [String: Value]) throws {
        self.image = image
        size = try #require(descriptor["tile_size"]?.intValue)
        columns = try #require(descriptor["columns"]?.intValue)
        let tiles = try #require(descriptor["tiles"]?.arrayValue)
        sides = try tiles.enumerated().map { position, value in
            let tile = try #require(value.objectValue)
            #expect(tile["index"]?.intValue == position, "tiles are listed in index order")
            let c = tile["corners"]?.arrayValue?.compactMap { $0.intValue } ?? []
            try #require(c.count == 4)
            // corners are [nw, ne, se, sw]
            guard let e = tile["edges"]?.arrayValue?.compactMap({ $0.intValue }) else {
                return [.north: [c[0], c[1]], .east: [c[1], c[2]], .south: [c[3], c[2]], .west: [c[0], c[3]]]
            }
            try #require(e.count == 4)
            return [
                .north: [c[0], e[0], c[1]], .east: [c[1], e[1], c[2]], .south: [c[3], e[2], c[2]],
                .west: [c[0], e[3], c[3]],
            ]
        }
    }

    func pixel(_ tile: Int, _ x: Int, _ y: Int) -> RGBA {
        image[tile % columns * size + x, tile / columns * size + y]
    }

    /// The outermost 2-pixel strip of `tile` along `side`.
    func strip(_ tile: Int, _ side: Side) -> [RGBA] {
        (0..<size).flatMap { along in
            (0..<2).map { depth in
                switch side {
                case .north: pixel(tile, along, depth)
                case .south: pixel(tile, along, size - 1 - depth)
                case .west: pixel(tile, depth, along)
                case .east: pixel(tile, size - 1 - depth, along)
                }
            }
        }
    }

    /// For each side, tiles with the same nodes there have pixel-identical strips; returns the groups per side.
    @discardableResult
    func checkBorderRule() -> [Side: Int] {
        var groups: [Side: Int] = [:]
        for side in Side.allCases {
            var seen: [[Int]: (tile: Int, strip: [RGBA])] = [:]
            for tile in sides.indices {
                let strip = strip(tile, side)
                if let first = seen[sides[tile][side] ?? []] {
                    #expect(first.strip == strip, "tile \(tile) \(side) differs from tile \(first.tile)")
                } else {
                    seen[sides[tile][side] ?? []] = (tile, strip)
                }
            }
            groups[side] = seen.count
        }
        return groups
    }

    /// Every pair (a, b) whose shared side agrees (a's east = b's west; a's south = b's north) meets seamlessly.
    ///
    /// For a set over transparency (no `edge`), where alpha tells the terrains apart: a terrain pixel differs from
    /// the all-terrain tile's at its place only on the shore (it touches transparency), so at each seam such a
    /// pixel must touch a transparent pixel in its own tile or across the seam in the other; a tile drawn for a
    /// different neighbour shows a shore the neighbour does not continue. Returns the pairs checked and the shore
    /// pixels met on seams.
    func checkTransparentSeams(terrainTile: Int) -> (pairs: Int, shore: Int) {
        func isShore(_ tile: Int, _ x: Int, _ y: Int) -> Bool {
            pixel(tile, x, y).a != 0 && pixel(tile, x, y) != pixel(terrainTile, x, y)
        }
        func isClear(_ tile: Int, _ x: Int, _ y: Int) -> Bool {
            (0..<size).contains(x) && (0..<size).contains(y) && pixel(tile, x, y).a == 0
        }
        var pairs = 0
        var shore = 0
        for a in sides.indices {
            for b in sides.indices {
                if sides[a][.east] == sides[b][.west] {
                    pairs += 1
                    for y in 0..<size {
                        let (left, right) = (size - 1, 0)
                        if isShore(a, left, y) {
                            shore += 1
                            let touches =
                                isClear(a, left - 1, y) || isClear(a, left, y - 1) || isClear(a, left, y + 1)
                                || isClear(b, right, y)
                            #expect(touches, "\(a)|\(b) row \(y): shore on \(a) with no clear pixel beside it")
                        }
                        if isShore(b, right, y) {
                            shore += 1
                            let touches =
                                isClear(b, right + 1, y) || isClear(b, right, y - 1)
                                || isClear(b, right, y + 1) || isClear(a, left, y)
                            #expect(touches, "\(a)|\(b) row \(y): shore on \(b) with no clear pixel beside it")
                        }
                    }
                }
                if sides[a][.south] == sides[b][.north] {
                    pairs += 1
                    for x in 0..<size {
                        let (top, bottom) = (size - 1, 0)
                        if isShore(a, x, top) {
                            shore += 1
                            let touches =
                                isClear(a, x, top - 1) || isClear(a, x - 1, top) || isClear(a, x + 1, top)
                                || isClear(b, x, bottom)
                            #expect(touches, "\(a) over \(b) column \(x): shore on \(a) with no clear pixel beside it")
                        }
                        if isShore(b, x, bottom) {
                            shore += 1
                            let touches =
                                isClear(b, x, bottom + 1) || isClear(b, x - 1, bottom)
                                || isClear(b, x + 1, bottom) || isClear(a, x, top)
                            #expect(touches, "\(a) over \(b) column \(x): shore on \(b) with no clear pixel beside it")
                        }
                    }
                }
            }
        }
        return (pairs, shore)
    }

    /// Every pair whose shared side agrees joins like every other pair sharing that side.
    ///
    /// The same 4-pixel band across the seam (the border rule, read pair by pair): any of them may be swapped for
    /// another. Returns the pairs checked.
    func checkPairsInterchangeable() -> Int {
        var bands: [[Int]: [RGBA]] = [:]
        var pairs = 0
        for a in sides.indices {
            for b in sides.indices where sides[a][.east] == sides[b][.west] {
                pairs += 1
                let band = strip(a, .east) + strip(b, .west)
                let key = sides[a][.east] ?? []
                if let first = bands[key] {
                    #expect(first == band, "\(a)|\(b) joins differently from other pairs sharing \(key)")
                } else {
                    bands[key] = band
                }
            }
        }
        return pairs
    }
}
