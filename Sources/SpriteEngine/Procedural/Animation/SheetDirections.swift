/// How many directions an animation sheet has, and so its rows in order.
package enum SheetDirections: Int, CaseIterable, Sendable, Codable {
    /// One row, `down`: the sprite facing the viewer (a vehicle, drawn from above, heading down the screen).
    case one = 1
    /// `down, left, right, up`.
    case four = 4
    /// `down, left, right, up, down_left, down_right, up_left, up_right`.
    case eight = 8

    /// The sheet's rows, top to bottom.
    package var rows: [SpriteDirection] {
        switch self {
        case .one: [.down]
        case .four: [.down, .left, .right, .up]
        case .eight: [.down, .left, .right, .up, .downLeft, .downRight, .upLeft, .upRight]
        }
    }
}
