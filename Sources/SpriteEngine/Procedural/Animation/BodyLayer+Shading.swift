extension BodyLayer {
    /// Moves every shaded pixel's level by its cell's entry in `shade` (row-major over a mask `maskWidth` cells wide),
    /// clamped to the ramp: how a view darkens the back or the far side.
    mutating func shadeCells(by shade: [Int], maskWidth: Int) {
        for y in 1..<height {
            for x in 1..<width {
                guard case .shaded(let part, let level) = self[x, y] else { continue }
                let index = (y - 1) / detail * maskWidth + (x - 1) / detail
                guard index < shade.count, shade[index] != 0 else { continue }
                setPixel(.shaded(part, level: min(max(level + shade[index], 0), 4)), x: x, y: y)
            }
        }
    }
}
