/// The parts of a body that move on their own in a frame, in drawing order (back to front).
///
/// "Left" and "right" are screen halves, not the figure's own sides.
enum BodyBand: Int, CaseIterable, Sendable {
    case legLeft, legRight, torso, armLeft, armRight, head

    /// Head, torso and arms: what bobs, sways and leans over planted legs.
    static let upperBody: [BodyBand] = [.torso, .armLeft, .armRight, .head]
}

/// Which band each cell of a mask belongs to: rows split head, torso and legs; the torso's outer quarters are arms;
/// the legs split at the middle column.
struct BandMap: Sendable {
    let width: Int
    let height: Int
    private let bands: [BodyBand]

    /// Bands by rows measured on the front view (`BandRows`); without limbs (vehicles) every cell is torso, so only
    /// whole-body motion applies.
    init(mask: SpriteMask, rows: BandRows, hasLimbs: Bool) {
        width = mask.width
        height = mask.height
        let armWidth = mask.width / 4
        var bands = [BodyBand](repeating: .torso, count: width * height)
        if hasLimbs {
            for y in 0..<height {
                for x in 0..<width {
                    let band: BodyBand
                    if y < rows.head {
                        band = .head
                    } else if y >= height - rows.legs {
                        band = x < width / 2 ? .legLeft : .legRight
                    } else if x < armWidth {
                        band = .armLeft
                    } else if x >= width - armWidth {
                        band = .armRight
                    } else {
                        band = .torso
                    }
                    bands[y * width + x] = band
                }
            }
        }
        self.bands = bands
    }

    /// The band of cell (x, y); torso outside the map.
    subscript(x: Int, y: Int) -> BodyBand {
        x >= 0 && y >= 0 && x < width && y < height ? bands[y * width + x] : .torso
    }
}

/// How many mask rows the head and the legs take, measured once on the front view so every view of a sprite splits
/// at the same heights.
struct BandRows: Hashable, Sendable {
    let head: Int
    let legs: Int

    init(head: Int, legs: Int) {
        self.head = head
        self.legs = legs
    }

    /// The head ends a row below the lowest eye (at most half the height); without eyes it is the top three eighths.
    ///
    /// The legs are the bottom third.
    init(frontView mask: SpriteMask) {
        var lowestEye: Int?
        for y in 0..<mask.height {
            for x in 0..<mask.width where mask[x, y] == .body(.eye) { lowestEye = y }
        }
        let half = max(1, mask.height / 2)
        head = min(lowestEye.map { $0 + 2 } ?? max(1, mask.height * 3 / 8), half)
        legs = max(1, mask.height / 3)
    }
}
