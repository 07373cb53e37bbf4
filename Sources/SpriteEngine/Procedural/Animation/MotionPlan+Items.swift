extension MotionPlan {
    /// Items spin about their upright axis: the width follows the cosine of the angle (never below 10/16, so frames
    /// keep overlapping), the far face shows mirrored and darker, and the light catches alternate sides.
    ///
    /// Idle turns once in 8 steps; walk adds a float; run turns in 4 steps.
    func itemCycle(frame: Int) -> FramePose {
        let fast = animation == .run
        let steps = fast ? 4 : 8
        let step = PoseSampler.looping(frame: frame, of: frames, steps: steps)
        let angle = step * (fast ? 2 : 1)
        var pose = FramePose()
        pose.scaleX = [16, 11, 10, -11, -16, -11, -10, 11][angle]
        // The face darkens as it turns away and the light catches one side, then the other, as the item turns, so
        // every step shows a change even on a small, plain coin.
        pose.shade = [0, 0, 1, 1, 1, 1, 1, 0][angle]
        pose.sideShade = [0, 1, 0, -1, 0, 1, 0, -1][angle]
        if animation == .walk { pose.offset.dy = [0, 0, -1, -1, -1, -1, 0, 0][angle] }
        return pose
    }
}
