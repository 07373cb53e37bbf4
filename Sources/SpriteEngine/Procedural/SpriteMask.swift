/// Which colour family a sprite pixel belongs to; each part gets its own shading ramp.
enum SpritePart: Int, CaseIterable, Sendable {
    case primary, secondary, accent, skin, eye
}

/// One cell of a filled mask.
enum MaskPixel: Hashable, Sendable {
    case empty
    /// Shaded surface in the part's colours.
    case body(SpritePart)
    /// An interior dark line (a seam, a visor slit), drawn in the outline colour.
    case border(SpritePart)

    var isFilled: Bool { self != .empty }
}

/// A template after its random fill: what every cell of the sprite is, row-major.
struct SpriteMask: Hashable, Sendable {
    let width: Int
    let height: Int
    private(set) var cells: [MaskPixel]

    init(width: Int, height: Int, cells: [MaskPixel]) {
        precondition(cells.count == width * height, "mask cell count must match its size")
        self.width = width
        self.height = height
        self.cells = cells
    }

    subscript(x: Int, y: Int) -> MaskPixel {
        get { x >= 0 && y >= 0 && x < width && y < height ? cells[y * width + x] : .empty }
        set { cells[y * width + x] = newValue }
    }

    /// How many cells are filled.
    var filledCount: Int { cells.count { $0.isFilled } }

    /// The mask shrunk by nearest neighbour so it fits in `maxWidth` × `maxHeight`, keeping its aspect ratio and
    /// re-mirrored so symmetric masks stay symmetric; itself when it already fits.
    func shrunk(toFit maxWidth: Int, _ maxHeight: Int, mirrored: Bool) -> SpriteMask {
        guard width > maxWidth || height > maxHeight else { return self }
        // Scale by the tighter of the two ratios, as integer fractions so every platform agrees.
        let useWidth = maxWidth * height <= maxHeight * width
        let newWidth = max(1, useWidth ? maxWidth : width * maxHeight / height)
        let newHeight = max(1, useWidth ? height * maxWidth / width : maxHeight)
        var result = SpriteMask(
            width: newWidth,
            height: newHeight,
            cells: Array(repeating: .empty, count: newWidth * newHeight)
        )
        for y in 0..<newHeight {
            let sourceY = (2 * y + 1) * height / (2 * newHeight)
            for x in 0..<newWidth {
                let sourceX = (2 * x + 1) * width / (2 * newWidth)
                result[x, y] = self[sourceX, sourceY]
            }
        }
        guard mirrored else { return result }
        for y in 0..<newHeight {
            for x in (newWidth + 1) / 2..<newWidth { result[x, y] = result[newWidth - 1 - x, y] }
        }
        return result
    }

    /// The mask trimmed to its filled cells, so the sprite, not its template's empty rows, is centred and scaled;
    /// itself when nothing is filled.
    func cropped() -> SpriteMask {
        let filled = cells.indices.filter { cells[$0].isFilled }
        guard let first = filled.first else { return self }
        var minX = first % width
        var maxX = minX
        var minY = first / width
        var maxY = minY
        for index in filled {
            minX = min(minX, index % width)
            maxX = max(maxX, index % width)
            minY = min(minY, index / width)
            maxY = max(maxY, index / width)
        }
        let newWidth = maxX - minX + 1
        let newHeight = maxY - minY + 1
        var cropped = SpriteMask(
            width: newWidth,
            height: newHeight,
            cells: Array(repeating: .empty, count: newWidth * newHeight)
        )
        for y in 0..<newHeight {
            for x in 0..<newWidth { cropped[x, y] = self[minX + x, minY + y] }
        }
        return cropped
    }

    /// Clears filled cells that have no filled 4-neighbour, which read as stray noise after scaling.
    mutating func removeIsolatedCells() {
        var cleaned = self
        for y in 0..<height {
            for x in 0..<width where self[x, y].isFilled {
                let neighbours = [self[x - 1, y], self[x + 1, y], self[x, y - 1], self[x, y + 1]]
                if !neighbours.contains(where: \.isFilled) { cleaned[x, y] = .empty }
            }
        }
        self = cleaned
    }
}
