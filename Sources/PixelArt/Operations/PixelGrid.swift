/// The native pixel grid of an upscaled image: each art pixel is a `scale` × `scale` block, and block edges
/// fall on columns `offsetX + n × scale` and rows `offsetY + n × scale`.
package struct PixelGrid: Hashable, Sendable {
    package var scale: Int
    package var offsetX: Int
    package var offsetY: Int

    package init(scale: Int, offsetX: Int = 0, offsetY: Int = 0) {
        self.scale = max(1, scale)
        self.offsetX = offsetX
        self.offsetY = offsetY
    }

    /// Finds the grid from where colours change: the summed colour difference between neighbouring columns
    /// (and rows) peaks on block edges, so the scale and phase whose positions collect the most change win.
    ///
    /// Robust to noise (spread evenly over all phases) and to a light blur (a phase is scored together with
    /// half of its neighbours, so a smeared edge still points at its centre). Among scales that score within
    /// 80% of the best, the smallest wins, since every multiple of the true scale also lands on edges.
    /// Returns scale 1 when no scale stands out (its best phase under 1.2× the mean change).
    package static func detect(in image: RGBAImage, maxScale: Int = 64) -> PixelGrid {
        let (columns, rows) = EdgeProfile.profiles(of: image)
        // At least six cells per axis, so a phase is an average over several block edges, not one or two.
        let limit = min(maxScale, image.width / 6, image.height / 6)
        guard limit >= 2 else { return PixelGrid(scale: 1) }
        var scores: [(scale: Int, score: Double)] = []
        for scale in 2...limit {
            scores.append((scale, columns.strength(scale: scale) + rows.strength(scale: scale)))
        }
        let best = scores.map(\.score).max() ?? 0
        guard best > 0, let scale = scores.first(where: { $0.score >= 0.8 * best })?.scale else {
            return PixelGrid(scale: 1)
        }
        // A real grid concentrates change on one phase; in a native image every phase sees about the mean.
        let peak = columns.strength(scale: scale) + rows.strength(scale: scale)
        guard peak >= 0.2 * (columns.mean + rows.mean) else { return PixelGrid(scale: 1) }
        return PixelGrid(scale: scale, offsetX: columns.phase(scale: scale), offsetY: rows.phase(scale: scale))
    }

    /// Boundaries of the cells whose centre lies inside `length` pixels along one axis.
    func edges(length: Int, offset: Int) -> [Int] {
        var start = offset > 0 ? offset - scale : 0
        var result: [Int] = []
        while start + scale / 2 < length {
            if start + scale / 2 >= 0 { result.append(max(0, start)) }
            start += scale
        }
        result.append(min(length, start))
        return result
    }
}

extension RGBAImage {
    /// Downscales on `grid`: one output pixel per cell whose centre lies in the image, the dominant colour
    /// (k-centroid) of the cell's inner part, since blur and resampling smear colour across block edges.
    package func downscaled(on grid: PixelGrid) -> RGBAImage {
        guard grid.scale > 1 else { return self }
        let columns = grid.edges(length: width, offset: grid.offsetX % grid.scale)
        let rows = grid.edges(length: height, offset: grid.offsetY % grid.scale)
        guard columns.count > 1, rows.count > 1 else { return self }
        let inset = grid.scale / 4
        func inner(_ edges: [Int]) -> [Range<Int>] {
            zip(edges, edges.dropFirst()).map { start, end in
                end - start > 2 * inset ? (start + inset)..<(end - inset) : start..<end
            }
        }
        return downscaledKCentroid(columns: inner(columns), rows: inner(rows), clusters: 2)
    }
}
