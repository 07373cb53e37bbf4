extension SpriteView {
    /// A vehicle's mask (nose up) turned so the nose points `direction`: quarter turns exactly, eighth turns by
    /// nearest sampling on a grid a third larger, so the diagonal keeps about the size of the straight views.
    static func turned(_ mask: SpriteMask, toward direction: SpriteDirection) -> SpriteMask {
        switch direction {
        case .up: mask
        case .left: quarterTurnLeft(mask)
        case .down: quarterTurnLeft(quarterTurnLeft(mask))
        case .upLeft: eighthTurnLeft(mask)
        case .downLeft: eighthTurnLeft(quarterTurnLeft(mask))
        default: mask
        }
    }

    /// Turned a quarter counter-clockwise on screen: the top row becomes the left column.
    static func quarterTurnLeft(_ mask: SpriteMask) -> SpriteMask {
        var result = SpriteMask(
            width: mask.height,
            height: mask.width,
            cells: Array(repeating: .empty, count: mask.width * mask.height)
        )
        for y in 0..<mask.height {
            for x in 0..<mask.width { result[y, mask.width - 1 - x] = mask[x, y] }
        }
        return result
    }

    /// Turned an eighth counter-clockwise: each cell samples the source at its centre turned back, in doubled
    /// coordinates so centres are integers, scaled by 3/4 (√2 for the diagonal, shrunk to a grid a third larger).
    static func eighthTurnLeft(_ mask: SpriteMask) -> SpriteMask {
        let size = (max(mask.width, mask.height) * 4 + 2) / 3
        var result = SpriteMask(width: size, height: size, cells: Array(repeating: .empty, count: size * size))
        for y in 0..<size {
            for x in 0..<size {
                let dx = 2 * x + 1 - size
                let dy = 2 * y + 1 - size
                let sourceX = floorDivision(mask.width + (dx - dy) * 3 / 4, 2)
                let sourceY = floorDivision(mask.height + (dx + dy) * 3 / 4, 2)
                result[x, y] = mask[sourceX, sourceY]
            }
        }
        return result.cropped()
    }

    /// `value / divisor` rounded toward negative infinity, so negative coordinates fall outside the mask.
    static func floorDivision(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
