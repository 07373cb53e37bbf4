/// One side of a sprite: its front-view mask as seen from a direction, the bands that move, and the shading that tells
/// the sides apart.
///
/// Figures, creatures and items: `down` is the template itself; `up` its back (no eyes, seams or face, the head in its
/// hair colour, one shade darker); `left` a side view (two thirds as wide, the head a cell forward, one eye at the
/// front, the far arm hidden, the far half one shade darker); `down_left` and `up_left` three-quarter views (five
/// sixths as wide, head and eyes a cell toward the left). Vehicles are drawn from above, so their views are the
/// template turned: `up` is the template (nose up), `left` turned a quarter, `down` a half, the diagonals by eighths.
/// Right-hand directions are mirrors of these (`SpriteDirection.mirrorOf`) and never reach this type.
struct SpriteView: Sendable {
    let mask: SpriteMask
    let bands: BandMap
    /// Per cell, added to the shade level (positive darker).
    let shade: [Int]

    /// The view of `front` from `direction` (not a mirrored one), shrunk if needed to `fitting` cells.
    init(front: SpriteMask, category: SpriteCategory, direction: SpriteDirection, fitting: (width: Int, height: Int)) {
        var rows = BandRows(frontView: front)
        let hasLimbs = category == .character || category == .creature
        var (view, shadeAll, farColumns) = Self.project(front, category: category, direction: direction, rows: rows)
        if view.width > fitting.width || view.height > fitting.height {
            let height = view.height
            view = view.shrunk(toFit: fitting.width, fitting.height, mirrored: false)
            rows = BandRows(head: rows.head * view.height / height, legs: rows.legs * view.height / height)
            farColumns = farColumns * view.width / max(1, view.width)
        }
        mask = view
        bands = BandMap(mask: view, rows: rows, hasLimbs: hasLimbs && category != .vehicle)
        var shade = [Int](repeating: shadeAll, count: view.width * view.height)
        for y in 0..<view.height {
            for x in max(0, view.width - farColumns)..<view.width { shade[y * view.width + x] += 1 }
        }
        self.shade = shade
    }

    /// The mask seen from `direction`, the shade added everywhere, and how many columns on the right (the far side)
    /// get one more.
    private static func project(
        _ front: SpriteMask,
        category: SpriteCategory,
        direction: SpriteDirection,
        rows: BandRows
    ) -> (mask: SpriteMask, shade: Int, farColumns: Int) {
        if category == .vehicle { return (turned(front, toward: direction), 0, 0) }
        let hasLimbs = category == .character || category == .creature
        switch direction {
        case .up:
            return (back(front, rows: rows), 1, 0)
        case .left:
            var view = compressed(front, to: max(2, (front.width * 2 + 2) / 3))
            if category == .character { view = hidingFarArm(view, rows: rows) }
            if hasLimbs { view = headForward(eyeAtFront(view, rows: rows), rows: rows) }
            return (view, 0, view.width / 2)
        case .downLeft, .upLeft:
            let source = direction == .upLeft ? back(front, rows: rows) : front
            var view = compressed(source, to: max(2, (front.width * 5 + 5) / 6))
            if hasLimbs { view = headForward(eyesTowardLeft(view), rows: rows) }
            return (view, direction == .upLeft ? 1 : 0, view.width / 3)
        default:
            return (front, 0, 0)
        }
    }
}
