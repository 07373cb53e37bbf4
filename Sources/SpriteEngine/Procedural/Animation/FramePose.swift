/// How one frame moves a body away from its rest pose.
///
/// Offsets are in mask cells (the compositor multiplies them by the layout's detail), so motion keeps its proportions
/// at every size.
struct FramePose: Hashable, Sendable {
    /// A move in cells; y grows downwards.
    struct Offset: Hashable, Sendable {
        var dx = 0
        var dy = 0
    }

    /// Per band, indexed by `BodyBand.rawValue`.
    private(set) var bands = [Offset](repeating: Offset(), count: BodyBand.allCases.count)
    /// The whole body, after the bands and the scale.
    var offset = Offset()
    /// Whether band offsets and `offset` count native pixels rather than cells (finer motion for thin sprites).
    var movesByPixel = false
    /// The whole body in native pixels, for motion finer than a cell (an engine's rumble).
    var nudge = Offset()
    /// Sixteenths, about the bottom centre; a negative `scaleX` also mirrors (an item's far face during a spin).
    var scaleX = 16
    var scaleY = 16
    /// Added to every shade level: positive darker, negative lighter (a hit flash is -2).
    var shade = 0
    /// Added to the right half's shade and taken from the left half's: which side a turning item shows the light.
    var sideShade = 0
    /// Cells of exhaust flame behind a vehicle.
    var flame = 0
    /// Sixteenths of the pixels an ordered dither removes (death's fade).
    var dissolve = 0

    /// The rest pose.
    static let rest = FramePose()

    func offset(of band: BodyBand) -> Offset {
        bands[band.rawValue]
    }

    /// Sets how far `band` moves.
    mutating func setOffset(_ offset: Offset, of band: BodyBand) {
        bands[band.rawValue] = offset
    }

    /// Moves `band` by (dx, dy) cells on top of what it already moves.
    mutating func move(_ band: BodyBand, dx: Int = 0, dy: Int = 0) {
        bands[band.rawValue].dx += dx
        bands[band.rawValue].dy += dy
    }

    /// Moves head, torso and arms together.
    mutating func moveUpperBody(dx: Int = 0, dy: Int = 0) {
        for band in BodyBand.upperBody { move(band, dx: dx, dy: dy) }
    }
}
