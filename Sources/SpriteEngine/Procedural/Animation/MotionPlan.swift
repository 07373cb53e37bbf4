/// The poses of one clip: what each frame of an animation does to a sprite of a category seen from one direction.
///
/// Every motion is a table of steps (see `PoseSampler`); each step differs from its neighbours in something large
/// (a whole band or the whole body moving a cell, a rescale, a flash), so consecutive frames differ at every size,
/// while no step moves far enough to break the silhouette's overlap.
struct MotionPlan: Sendable {
    /// How the figure is seen, which decides whether a stride shows as feet lifting or legs swinging.
    enum Facing: Sendable {
        case front, side, diagonal
    }

    let category: SpriteCategory
    let animation: SpriteAnimation
    /// Never a mirrored direction: those reuse their partner's poses.
    let direction: SpriteDirection
    let frames: Int

    var facing: Facing {
        switch direction {
        case .down, .up: .front
        case .left, .right: .side
        default: .diagonal
        }
    }

    /// The forward step in cells.
    var forward: (dx: Int, dy: Int) { direction.forward }

    /// One pose per frame.
    func poses() -> [FramePose] {
        (0..<frames).map { frame in
            switch animation {
            case .hurt: return hurt(frame: frame)
            case .death: return death(frame: frame)
            case .attack: return category == .character ? characterAttack(frame: frame) : lunge(frame: frame)
            case .idle, .walk, .run: return cycle(frame: frame)
            }
        }
    }

    /// The looping motions, by category.
    private func cycle(frame: Int) -> FramePose {
        switch category {
        case .character: characterCycle(frame: frame)
        case .creature: creatureCycle(frame: frame)
        case .item: itemCycle(frame: frame)
        case .vehicle, .tile: vehicleCycle(frame: frame)
        }
    }

    /// `value` cells along the forward direction.
    func along(_ value: Int) -> FramePose.Offset {
        FramePose.Offset(dx: value * forward.dx, dy: value * forward.dy)
    }
}
