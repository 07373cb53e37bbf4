/// Decides which terrain each pixel of a tile shows: the tile's nodes blended across it, bent by periodic noise.
///
/// Within three pixels of a side, only that side's nodes carry weight, so a tile's outer strips (and the pixels just
/// beyond them, which the shore lines look at) depend on that side's nodes alone, and the neighbour that shares them
/// computes the same field on its side of the seam. Between, the weights ease in by smoothstep, so the boundary is a
/// smooth curve; the noise (never half the blend's range) moves it without ever flipping a region whose nodes agree.
struct TerrainField: Sendable {
    let tileSize: Int
    /// The noise over one period, row-major: the field reads it once per pixel.
    private let noise: [Int]
    /// Node weights for pixel coordinates -1…tileSize (index + 1), for 2 and 3 nodes a side.
    private let cornerWeights: [[Int]]
    private let blobWeights: [[Int]]

    /// Pixels at each side where only that side's nodes count.
    static let flatWidth = 3

    init(tileSize: Int, noise: PeriodicNoise) {
        self.tileSize = tileSize
        self.noise = (0..<(tileSize * tileSize)).map { noise.value(x: $0 % tileSize, y: $0 / tileSize) }
        cornerWeights = (-1...tileSize).map { Self.weights(at: $0, count: 2, tileSize: tileSize) }
        blobWeights = (-1...tileSize).map { Self.weights(at: $0, count: 3, tileSize: tileSize) }
    }

    /// Whether pixel (x, y) of a tile with `nodes` shows the `edge` terrain.
    ///
    /// x and y may lie a pixel outside the tile; there the answer is what the neighbour sharing that side draws.
    func isEdge(x: Int, y: Int, nodes: TileNodes) -> Bool {
        let table = nodes.count == 2 ? cornerWeights : blobWeights
        let across = table[min(max(x, -1), tileSize) + 1]
        let down = table[min(max(y, -1), tileSize) + 1]
        var field = 0
        for row in 0..<nodes.count where down[row] != 0 {
            for column in 0..<nodes.count where across[column] != 0 && nodes[column, row] != 0 {
                field += across[column] * down[row]
            }
        }
        let wrappedX = (x % tileSize + tileSize) % tileSize
        let wrappedY = (y % tileSize + tileSize) % tileSize
        return field / 4_096 + noise[wrappedY * tileSize + wrappedX] > 2_048
    }

    /// Each node's weight (in 1/4096, summing to 4096) along one axis at pixel `coordinate`.
    static func weights(at coordinate: Int, count: Int, tileSize: Int) -> [Int] {
        // Doubled coordinates: pixel centres are odd, the tile spans 0…2·size.
        let centre = 2 * coordinate + 1
        let flat = 2 * Self.flatWidth
        let size2 = 2 * tileSize
        func eased(_ distance: Int, over span: Int) -> Int {
            PeriodicNoise.smooth(min(max((distance - flat) * 4_096 / span, 0), 4_096))
        }
        if count == 2 {
            let far = eased(centre, over: size2 - 2 * flat)
            return [4_096 - far, far]
        }
        if centre <= tileSize {
            let middle = eased(centre, over: tileSize - flat)
            return [4_096 - middle, middle, 0]
        }
        let middle = eased(size2 - centre, over: tileSize - flat)
        return [0, middle, 4_096 - middle]
    }
}
