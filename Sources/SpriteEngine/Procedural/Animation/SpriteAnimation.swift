/// A motion a sprite sheet shows, one clip per direction.
package enum SpriteAnimation: String, CaseIterable, Sendable, Codable {
    case idle, walk, run, attack, hurt, death

    /// How many frames a clip may have.
    package static let frameRange = 2...16

    /// Frames per clip when the request gives none: enough for the motion to read at the default rate.
    package var defaultFrames: Int {
        switch self {
        case .idle: 4
        case .walk: 8
        case .run: 8
        case .attack: 6
        case .hurt: 4
        case .death: 8
        }
    }

    /// Playback rate when the request gives none.
    package var defaultFPS: Double {
        switch self {
        case .idle: 6
        case .walk: 10
        case .run: 14
        case .attack: 12
        case .hurt: 10
        case .death: 8
        }
    }

    /// Whether the clip repeats: idle, walk and run loop (their last frame leads back into the first); attack, hurt
    /// and death play once (a game returns to idle after a hit, and holds death's last frame).
    package var loops: Bool {
        switch self {
        case .idle, .walk, .run: true
        case .attack, .hurt, .death: false
        }
    }
}
