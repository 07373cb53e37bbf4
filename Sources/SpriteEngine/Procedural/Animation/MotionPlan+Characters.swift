extension MotionPlan {
    /// Idle breathing (4 steps): the upper body sinks a cell and rises while, a step later, the head glances aside and
    /// the arms relax.
    ///
    /// Walk and run (8 steps, one stride with each leg): front views lift the stepping foot while the body dips after
    /// each contact and sways over the planted foot; side and three-quarter views swing the legs past each other and
    /// lean into each step; the arms swing against the legs. Running swings the arms further and leans forward
    /// throughout.
    func characterCycle(frame: Int) -> FramePose {
        var pose = FramePose()
        if animation == .idle {
            let step = PoseSampler.looping(frame: frame, of: frames, steps: 4)
            pose.moveUpperBody(dy: [0, 1, 1, 0][step])
            let look = facing == .front ? 1 : forward.dx
            let glance = [0, 0, 1, 1][step]
            pose.move(.head, dx: glance * look)
            pose.move(.armLeft, dy: glance)
            pose.move(.armRight, dy: glance)
            return pose
        }
        let step = PoseSampler.looping(frame: frame, of: frames, steps: 8)
        let running = animation == .run
        // Every step moves the upper body (a dip or a sway) and no two steps a clip can show in a row are more than
        // a cell apart, so frames always differ yet keep overlapping.
        let bob = [0, 1, 1, 0, 0, 1, 1, 0][step]
        let sway = [0, 0, -1, -1, 0, 0, 1, 1][step]
        let liftLeft = [0, 0, 0, 0, 1, 1, 1, 1][step]
        let liftRight = [1, 1, 1, 1, 0, 0, 0, 0][step]
        let stride = [1, 1, 0, -1, -1, -1, 0, 1][step]
        let swing = running && facing == .front ? 2 : 1
        pose.move(.legLeft, dy: -liftLeft)
        pose.move(.legRight, dy: -liftRight)
        pose.moveUpperBody(dy: bob)
        switch facing {
        case .front:
            pose.moveUpperBody(dx: sway)
            // Seen from the front, the arm that swings forward drops.
            pose.move(.armLeft, dy: stride < 0 ? swing : 0)
            pose.move(.armRight, dy: stride > 0 ? swing : 0)
            if running { pose.move(.head, dy: 1) }
        case .side, .diagonal:
            let side = forward.dx
            // One leg forward at a time, so each leg moves at most a cell between frames.
            pose.move(.legLeft, dx: max(0, stride) * side)
            pose.move(.legRight, dx: max(0, -stride) * side)
            pose.move(.armLeft, dx: -stride * swing * side)
            pose.move(.armRight, dx: stride * swing * side)
            pose.moveUpperBody(dx: (abs(sway) + (running ? 1 : 0)) * side)
        }
        return pose
    }

    /// Attack (8 steps): draw back crouching, spring up, strike forward with the weapon arm reaching out and a flash,
    /// follow through, recover.
    ///
    /// Clips of more than 8 frames strike twice (a combo), so no frame repeats its neighbour.
    func characterAttack(frame: Int) -> FramePose {
        let step = PoseSampler.looping(frame: frame, of: frames, steps: 8)
        let lean = [0, -1, 0, 0, 1, 1, 1, 0][step]
        let crouch = [0, 1, 1, 0, 0, 1, 0, 1][step]
        let reach = [0, -1, -1, 0, 2, 2, 1, 0][step]
        var pose = FramePose()
        let leanOffset = along(lean)
        pose.moveUpperBody(dx: leanOffset.dx, dy: leanOffset.dy)
        // Seen from the front or back a lean is vertical too, so the crouch shows as the head sinking instead of the
        // whole upper body, which a lean back would cancel.
        if facing == .front {
            pose.move(.head, dy: crouch)
        } else {
            pose.moveUpperBody(dy: crouch)
        }
        let arm: BodyBand = facing == .front ? .armRight : .armLeft
        let reachOffset = along(reach)
        pose.move(arm, dx: reachOffset.dx, dy: reachOffset.dy)
        if step == 4 { pose.shade = -2 }
        return pose
    }
}
