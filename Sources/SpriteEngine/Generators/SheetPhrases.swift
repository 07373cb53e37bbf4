/// The words a diffusion model is given for each frame of an animation sheet: a view phrase per direction and a
/// pose phrase per moment of the motion.
///
/// The same seed and a low img2img strength keep the character; these phrases are what moves it.
enum SheetPhrases {
    /// Changes whenever a phrase changes, so cached sheets painted with the old words are not served.
    static let version = "phrases-1"

    /// How the character is seen when it faces `direction`.
    static func view(_ direction: SpriteDirection) -> String {
        switch direction {
        case .down: "front view, facing the viewer"
        case .up: "back view, seen from behind"
        case .left: "side view, facing left"
        case .right: "side view, facing right"
        case .downLeft: "three-quarter front view, facing down and left"
        case .downRight: "three-quarter front view, facing down and right"
        case .upLeft: "three-quarter back view, facing up and left"
        case .upRight: "three-quarter back view, facing up and right"
        }
    }

    /// The pose of frame `index` of `count`: the motion's phases spread evenly over the frames.
    static func pose(_ animation: SpriteAnimation, frame index: Int, of count: Int) -> String {
        let phases = poses(animation)
        return phases[min(phases.count - 1, index * phases.count / max(1, count))]
    }

    /// The phases of each motion in order; looping motions end where they begin.
    static func poses(_ animation: SpriteAnimation) -> [String] {
        switch animation {
        case .idle:
            [
                "standing still, breathing in", "standing still, chest raised", "standing still, breathing out",
                "standing still, shoulders lowered",
            ]
        case .walk:
            [
                "walking, left foot forward, right arm forward", "walking, legs passing, upright",
                "walking, right foot forward, left arm forward", "walking, legs passing, upright",
            ]
        case .run:
            [
                "running, left leg reaching forward, leaning forward", "running, airborne, knees bent",
                "running, right leg reaching forward, leaning forward", "running, airborne, knees bent",
            ]
        case .attack:
            [
                "ready stance", "winding up the attack, weapon raised", "striking forward, arm extended",
                "follow-through after the strike", "returning to ready stance",
            ]
        case .hurt:
            ["flinching, recoiling from a hit", "knocked back, off balance", "recovering, hunched"]
        case .death:
            ["staggering", "collapsing, knees buckling", "falling to the ground", "lying defeated on the ground"]
        }
    }
}
