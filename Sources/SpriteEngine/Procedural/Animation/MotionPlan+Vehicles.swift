extension MotionPlan {
    /// Engines rumble: the body jitters a pixel around a square (4 steps) while the exhaust flickers behind it.
    ///
    /// Walk drives (a longer flame), run races (the longest flame and the body pushed forward a cell).
    func vehicleCycle(frame: Int) -> FramePose {
        let step = PoseSampler.looping(frame: frame, of: frames, steps: 4)
        var pose = FramePose()
        pose.nudge =
            [FramePose.Offset(dx: 0, dy: 0), .init(dx: 1, dy: 0), .init(dx: 1, dy: 1), .init(dx: 0, dy: 1)][
                step
            ]
        let flicker = [1, 2, 1, 2][step]
        switch animation {
        case .idle: pose.flame = flicker - 1
        case .walk: pose.flame = flicker
        default:
            pose.flame = flicker + 1
            pose.offset = along(1)
        }
        return pose
    }
}
