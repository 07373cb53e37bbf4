/// The terrain values a tile's boundary curve is drawn from, on a grid over the tile: 2 × 2 (its corners) for
/// wang16, 3 × 3 (corners, side middles and centre) for blob47.
///
/// Values are 0 (`terrain`) or 1 (`edge`).
struct TileNodes: Hashable, Sendable {
    /// Nodes along each side: 2 or 3.
    let count: Int
    /// Row-major, `count × count`.
    let values: [Int]

    subscript(column: Int, row: Int) -> Int {
        values[row * count + column]
    }

    /// A wang tile from its corners.
    static func wang(nw: Int, ne: Int, se: Int, sw: Int) -> TileNodes {
        TileNodes(count: 2, values: [nw, ne, sw, se])
    }

    /// The wang tile at `index` (`nw + 2·ne + 4·se + 8·sw`).
    static func wang(index: Int) -> TileNodes {
        wang(nw: index & 1, ne: index >> 1 & 1, se: index >> 2 & 1, sw: index >> 3 & 1)
    }

    /// A blob tile (a terrain cell) from its reduced neighbour mask (`TilesetDescriptor.Tile.neighbours`).
    static func blob(neighbours mask: Int) -> TileNodes {
        func node(_ bit: Int) -> Int { mask & bit != 0 ? 0 : 1 }
        return TileNodes(
            count: 3,
            values: [node(128), node(1), node(2), node(64), 0, node(4), node(32), node(16), node(8)]
        )
    }

    /// The plain `edge` cell of a blob set: every node 1.
    static let blobFill = TileNodes(count: 3, values: Array(repeating: 1, count: 9))

    /// `[nw, ne, se, sw]`.
    var corners: [Int] {
        let last = count - 1
        return [self[0, 0], self[last, 0], self[last, last], self[0, last]]
    }

    /// `[n, e, s, w]` side middles; nil for a 2 × 2 grid.
    var edges: [Int]? {
        count == 3 ? [self[1, 0], self[2, 1], self[1, 2], self[0, 1]] : nil
    }

    /// The nodes along one side, in order along it: a seam's pixels depend on these alone.
    func side(_ side: TileSide) -> [Int] {
        let last = count - 1
        return (0..<count).map { position in
            switch side {
            case .north: self[position, 0]
            case .south: self[position, last]
            case .west: self[0, position]
            case .east: self[last, position]
            }
        }
    }

    /// The 47 reduced blob masks, ascending: every 8-bit neighbour mask whose corner bits are set only when both
    /// neighbouring side bits are.
    static let blobMasks: [Int] = (0..<256).filter { mask in
        let corners = [(2, 1, 4), (8, 4, 16), (32, 16, 64), (128, 64, 1)]
        return corners.allSatisfy { corner, first, second in
            mask & corner == 0 || (mask & first != 0 && mask & second != 0)
        }
    }
}

/// A side of a tile.
enum TileSide: CaseIterable, Sendable {
    case north, east, south, west
}
