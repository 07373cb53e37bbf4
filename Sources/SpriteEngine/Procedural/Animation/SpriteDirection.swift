/// Which way a sprite faces on screen: `down` faces the viewer, `up` shows its back; for vehicles drawn from above,
/// the way the nose points.
package enum SpriteDirection: String, CaseIterable, Sendable, Codable {
    case down, left, right, up
    case downLeft = "down_left"
    case downRight = "down_right"
    case upLeft = "up_left"
    case upRight = "up_right"

    /// The direction this one is drawn as the horizontal mirror of, nil for those drawn directly: `right` is `left`
    /// mirrored, `down_right` is `down_left` mirrored, `up_right` is `up_left` mirrored (light then falls from the top
    /// right on the mirrored rows).
    var mirrorOf: SpriteDirection? {
        switch self {
        case .right: .left
        case .downRight: .downLeft
        case .upRight: .upLeft
        default: nil
        }
    }

    /// The unit step the sprite moves when it goes forward, in screen coordinates (y grows downwards).
    var forward: (dx: Int, dy: Int) {
        switch self {
        case .down: (0, 1)
        case .up: (0, -1)
        case .left: (-1, 0)
        case .right: (1, 0)
        case .downLeft: (-1, 1)
        case .downRight: (1, 1)
        case .upLeft: (-1, -1)
        case .upRight: (1, -1)
        }
    }
}
