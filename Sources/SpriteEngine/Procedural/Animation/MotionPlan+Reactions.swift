extension MotionPlan {
    /// Hurt (16 steps): knocked back a cell with the head snapped back and a crouch, then recovery; the body flashes
    /// light on every other frame, the way games show a hit, which also makes each frame differ from the last.
    func hurt(frame: Int) -> FramePose {
        let step = PoseSampler.once(frame: frame, of: frames, steps: 16)
        let knockback = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0][step]
        let snap = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0][step]
        let crouch = [0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0][step]
        var pose = FramePose()
        pose.offset = along(-knockback)
        let back = along(-snap)
        pose.move(.head, dx: back.dx, dy: back.dy)
        if category == .character || category == .creature { pose.moveUpperBody(dy: crouch) }
        pose.shade = frame % 2 == 0 ? -2 : 0
        return pose
    }

    /// Death (16 steps): a flash and a knock back, then the body sinks and spreads about its feet (figures also fold at
    /// the legs) while an ordered dither fades it; after the flash it flickers a shade darker and lighter on alternate
    /// frames.
    ///
    /// Vehicles also char as they fade.
    func death(frame: Int) -> FramePose {
        let step = PoseSampler.once(frame: frame, of: frames, steps: 16)
        var pose = FramePose()
        pose.offset = along(-1)
        if category == .character {
            pose.moveUpperBody(dy: [0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2][step])
        }
        pose.scaleY = [16, 16, 16, 15, 15, 15, 15, 14, 14, 14, 14, 13, 13, 13, 13, 13][step]
        pose.scaleX = [16, 16, 16, 16, 17, 17, 17, 17, 17, 18, 18, 18, 18, 18, 18, 18][step]
        pose.dissolve = [0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6][step]
        if frame == 0 {
            pose.shade = -2
        } else {
            pose.shade = (frame % 2 == 1 ? 1 : -1) + (category == .vehicle && step >= 8 ? 1 : 0)
        }
        return pose
    }
}
