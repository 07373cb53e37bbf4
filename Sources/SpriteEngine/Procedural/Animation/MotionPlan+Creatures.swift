extension MotionPlan {
    /// Squash and stretch about the feet.
    ///
    /// Idle (4 steps) wobbles like jelly: taller, wider, shorter, narrower. Walk (4 steps) hops: squash on landing,
    /// rise stretched, float, drop; wings or limbs beat on the way. Run hops the same way at a faster rate.
    func creatureCycle(frame: Int) -> FramePose {
        var pose = FramePose()
        let step = PoseSampler.looping(frame: frame, of: frames, steps: 4)
        switch animation {
        case .idle:
            (pose.scaleX, pose.scaleY) = [(16, 17), (18, 16), (16, 15), (14, 16)][step]
        default:
            let hop = [(0, 17, 15, 1), (-1, 17, 15, -1), (0, 15, 17, 0), (-1, 15, 17, 1)][step]
            pose.offset.dy = hop.0
            (pose.scaleX, pose.scaleY) = (hop.1, hop.2)
            beat(&pose, hop.3)
        }
        return pose
    }

    /// Wings (or the outer limbs) up for -1, down for +1.
    private func beat(_ pose: inout FramePose, _ stroke: Int) {
        pose.move(.armLeft, dy: stroke)
        pose.move(.armRight, dy: stroke)
    }

    /// A whole-body attack (8 steps) for creatures, items and vehicles: draw back glowing, coil, spring forward into a
    /// flash and an impact squash, hold, come back.
    ///
    /// Clips of more than 8 frames strike twice. No two steps a clip can show in a row move more than a cell or rescale
    /// by more than an eighth, and none looks like its neighbour.
    func lunge(frame: Int) -> FramePose {
        let step = PoseSampler.looping(frame: frame, of: frames, steps: 8)
        let distance = [0, -1, 0, 0, 1, 1, 1, 0][step]
        let stretch = [0, 0, -1, 0, -1, -1, -1, -1][step]
        var pose = FramePose()
        pose.offset = along(distance)
        // Stretch along the motion and thin across it, about the feet; diagonally it grows or shrinks both ways (a
        // sixteenth in height is already a row, in width only half a pixel each side).
        let alongX = forward.dx != 0 && forward.dy == 0
        let alongY = forward.dy != 0 && forward.dx == 0
        pose.scaleX = 16 + (alongY ? -stretch : 2 * stretch)
        pose.scaleY = 16 + (alongX ? -stretch : alongY ? 2 * stretch : stretch)
        pose.shade = [0, -1, 0, 0, -2, -1, 0, 0][step]
        return pose
    }
}
