extension TileTexture {
    func drawGrass(into grid: inout ShadeGrid, using random: inout SeededRandom) {
        speckle(&grid, lighter: 10, darker: 14, using: &random)
        for _ in 0..<(grid.width * grid.height / 10) {
            let x = random.next(below: grid.width)
            let y = random.next(below: grid.height)
            // A blade: lit tip, mid stem, shadow at the root.
            grid[x, y].level = 0
            grid[x, y + 1].level = 1
            grid[x, y + 2].level = 3
            if random.chance(percent: 40) { grid[x + 1, y + 2].level = 3 }
        }
    }

    func drawBrick(into grid: inout ShadeGrid, using random: inout SeededRandom) {
        let brickHeight = max(3, grid.height / 4)
        let brickWidth = brickHeight * 2
        speckle(&grid, lighter: 8, darker: 12, using: &random)
        let rows = (grid.height + brickHeight - 1) / brickHeight
        let columns = (grid.width + brickWidth - 1) / brickWidth + 1
        let tints = (0..<(rows * columns)).map { _ in random.next(below: 3) - 1 }
        for y in 0..<grid.height {
            let row = y / brickHeight
            let offset = row % 2 == 0 ? 0 : brickWidth / 2
            for x in 0..<grid.width {
                let insideY = y % brickHeight
                let insideX = (x + offset) % brickWidth
                if insideY == 0 || insideX == 0 {
                    grid[x, y] = ShadeGrid.Shade(level: insideY == 0 && insideX == 0 ? 3 : 2, isJoint: true)
                    continue
                }
                grid.shift(x: x, y: y, by: tints[row * columns + (x + offset) / brickWidth])
                if insideY == 1 { grid.shift(x: x, y: y, by: -1) }
                if insideY == brickHeight - 1 || insideX == brickWidth - 1 { grid.shift(x: x, y: y, by: 1) }
            }
        }
    }

    func drawStone(into grid: inout ShadeGrid, using random: inout SeededRandom) {
        let count = max(3, grid.width * grid.height / 80)
        let centres = (0..<count).map { _ in (x: random.next(below: grid.width), y: random.next(below: grid.height)) }
        let tints = centres.map { _ in random.next(below: 2) }
        speckle(&grid, lighter: 6, darker: 8, using: &random)
        // Each pixel belongs to its nearest centre (distances wrap, so the tile is seamless).
        var owner = [Int](repeating: 0, count: grid.width * grid.height)
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                var best = (distance: Int.max, index: 0)
                for (index, centre) in centres.enumerated() {
                    let dx = signedWrap(x - centre.x, grid.width)
                    let dy = signedWrap(y - centre.y, grid.height)
                    if dx * dx + dy * dy < best.distance { best = (dx * dx + dy * dy, index) }
                }
                owner[y * grid.width + x] = best.index
            }
        }
        func ownerAt(_ x: Int, _ y: Int) -> Int {
            owner[((y + grid.height) % grid.height) * grid.width + (x + grid.width) % grid.width]
        }
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let stone = ownerAt(x, y)
                // Grout one pixel wide where the stone to the right or below is another one.
                if ownerAt(x + 1, y) != stone || ownerAt(x, y + 1) != stone {
                    grid[x, y] = ShadeGrid.Shade(level: 3, isJoint: true)
                    continue
                }
                grid.shift(x: x, y: y, by: tints[stone])
                // Light from the top left: a lit rim along the upper-left grout, a shaded one along the lower-right.
                if ownerAt(x - 1, y) != stone || ownerAt(x, y - 1) != stone { grid.shift(x: x, y: y, by: -1) }
                if ownerAt(x + 2, y) != stone || ownerAt(x, y + 2) != stone { grid.shift(x: x, y: y, by: 1) }
            }
        }
    }

    func drawWater(into grid: inout ShadeGrid, using random: inout SeededRandom) {
        let band = max(4, grid.height / 4)
        let period = max(4, grid.width / 2)
        let phases = (0..<((grid.height + band - 1) / band)).map { _ in random.next(below: period) }
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let phase = phases[y / band]
                let step = (x + phase) % period
                // A triangle wave two pixels high: the crest of each ripple.
                let wave = min(step, period - step) * 2 / max(1, period / 2)
                let line = ((y % band) - wave + band) % band
                grid[x, y].level = line == 0 ? 0 : line == 1 ? 1 : line == band - 1 ? 3 : 2
            }
        }
        for _ in 0..<(grid.width * grid.height / 40) {
            grid[random.next(below: grid.width), random.next(below: grid.height)].level = 0
        }
    }

    func drawGround(into grid: inout ShadeGrid, using random: inout SeededRandom) {
        speckle(&grid, lighter: 15, darker: 22, using: &random)
        for _ in 0..<(grid.width * grid.height / 30) {
            let x = random.next(below: grid.width)
            let y = random.next(below: grid.height)
            // A pebble: lit top, shadow below.
            grid[x, y].level = 1
            grid[x + 1, y].level = 1
            grid[x, y + 1].level = 4
            grid[x + 1, y + 1].level = 3
        }
    }

    /// Lightens and darkens random pixels by one level (percentages of all pixels).
    private func speckle(_ grid: inout ShadeGrid, lighter: Int, darker: Int, using random: inout SeededRandom) {
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let roll = random.next(below: 100)
                if roll < lighter {
                    grid.shift(x: x, y: y, by: -1)
                } else if roll < lighter + darker {
                    grid.shift(x: x, y: y, by: 1)
                }
            }
        }
    }

    /// `delta` brought into -size/2 … size/2, the shortest way round a wrapping axis.
    private func signedWrap(_ delta: Int, _ size: Int) -> Int {
        var value = delta % size
        if value > size / 2 { value -= size }
        if value < -size / 2 { value += size }
        return value
    }
}
