/// How much of a motion a frame keeps, tried in order until the frames keep `MotionBounds`: thin sprites (a sword's
/// blade, a bat's wings) lose most of their silhouette to a one-cell move across their thin side, so they move along
/// their long side instead.
enum MotionRestraint: CaseIterable, Sendable {
    /// The motion as designed.
    case full
    /// Moves of at most a cell, rescaling halved (a change of 1/16 stays 1/16).
    case softened
    /// Softened, with sideways moves turned into vertical ones.
    case upright
    /// Softened, with vertical moves turned into sideways ones.
    case level
}

extension FramePose {
    /// The pose with `restraint` applied; shading, flashes, exhaust and fading stay as they are.
    func restrained(_ restraint: MotionRestraint) -> FramePose {
        guard restraint != .full else { return self }
        func clamp(_ value: Int) -> Int { min(max(value, -1), 1) }
        func keep(_ offset: Offset) -> Offset {
            switch restraint {
            case .upright: Offset(dx: 0, dy: clamp(offset.dy != 0 ? offset.dy : offset.dx))
            case .level: Offset(dx: clamp(offset.dx != 0 ? offset.dx : offset.dy), dy: 0)
            default: Offset(dx: clamp(offset.dx), dy: clamp(offset.dy))
            }
        }
        func halved(_ scale: Int) -> Int {
            let change = abs(scale) - 16
            let kept = change >= 0 ? (change + 1) / 2 : -((-change + 1) / 2)
            return (scale < 0 ? -1 : 1) * (16 + kept)
        }
        var pose = self
        for band in BodyBand.allCases { pose.setOffset(keep(offset(of: band)), of: band) }
        pose.offset = keep(offset)
        pose.nudge = keep(nudge)
        pose.scaleX = halved(scaleX)
        pose.scaleY = halved(scaleY)
        return pose
    }
}
