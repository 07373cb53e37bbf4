/// How much of a motion a frame keeps, tried in order until the frames keep `MotionBounds`: thin sprites (a sword's
/// blade, a bat's wings) lose most of their silhouette to a one-cell move across their thin side, so they move along
/// their long side, or as one piece, instead.
enum MotionRestraint: CaseIterable, Sendable {
    /// The motion as designed.
    case full
    /// Moves of at most a cell, rescaling halved (a change of 1/16 stays 1/16).
    case softened
    /// Softened, moving by native pixels instead of cells (half or less of a cell on larger sprites); this and every
    /// later restraint moves by pixels.
    case fine
    /// Softened, with sideways moves turned into vertical ones and no change of width.
    case upright
    /// Softened, with vertical moves turned into sideways ones and no change of height.
    case level
    /// Softened, the body moving as one piece (limbs, head and torso keep their places on it).
    case rigid
    /// Upright and rigid.
    case rigidUpright
    /// Level and rigid.
    case rigidLevel

    private var isRigid: Bool { self == .rigid || self == .rigidUpright || self == .rigidLevel }
    private var isUpright: Bool { self == .upright || self == .rigidUpright }
    private var isLevel: Bool { self == .level || self == .rigidLevel }

    /// `pose` with this restraint applied; shading, flashes, exhaust and fading stay as they are.
    func apply(to pose: FramePose) -> FramePose {
        guard self != .full else { return pose }
        func clamp(_ value: Int) -> Int { min(max(value, -1), 1) }
        func keep(_ offset: FramePose.Offset) -> FramePose.Offset {
            if isUpright { return FramePose.Offset(dx: 0, dy: clamp(offset.dy != 0 ? offset.dy : offset.dx)) }
            if isLevel { return FramePose.Offset(dx: clamp(offset.dx != 0 ? offset.dx : offset.dy), dy: 0) }
            return FramePose.Offset(dx: clamp(offset.dx), dy: clamp(offset.dy))
        }
        func halved(_ scale: Int) -> Int {
            let change = abs(scale) - 16
            let kept = change >= 0 ? (change + 1) / 2 : -((-change + 1) / 2)
            return (scale < 0 ? -1 : 1) * (16 + kept)
        }
        var restrained = pose
        for band in BodyBand.allCases {
            restrained.setOffset(isRigid ? FramePose.Offset() : keep(pose.offset(of: band)), of: band)
        }
        restrained.offset = keep(pose.offset)
        restrained.nudge = keep(pose.nudge)
        restrained.movesByPixel = self != .softened
        restrained.scaleX = isUpright ? (pose.scaleX < 0 ? -16 : 16) : halved(pose.scaleX)
        restrained.scaleY = isLevel ? 16 : halved(pose.scaleY)
        return restrained
    }
}
