extension SpriteView {
    /// The back: eyes, seams and face skin give way to the head's hair (its commonest other part), so the back reads
    /// as the same figure without a face.
    static func back(_ front: SpriteMask, rows: BandRows) -> SpriteMask {
        var counts = [SpritePart: Int]()
        for y in 0..<min(rows.head, front.height) {
            for x in 0..<front.width {
                if case .body(let part) = front[x, y], part != .skin, part != .eye { counts[part, default: 0] += 1 }
            }
        }
        let hair = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?
            .key
        var back = front
        for y in 0..<front.height {
            for x in 0..<front.width {
                switch front[x, y] {
                case .body(.eye): back[x, y] = .body(hair ?? .primary)
                case .body(.skin) where y < rows.head && hair != nil: back[x, y] = .body(hair ?? .skin)
                case .border(let part): back[x, y] = .body(part)
                default: break
                }
            }
        }
        return back
    }

    /// The mask squeezed to `width` columns by nearest sampling (a symmetric mask stays symmetric).
    static func compressed(_ mask: SpriteMask, to width: Int) -> SpriteMask {
        guard width < mask.width else { return mask }
        var result = SpriteMask(
            width: width,
            height: mask.height,
            cells: Array(repeating: .empty, count: width * mask.height)
        )
        for y in 0..<mask.height {
            for x in 0..<width { result[x, y] = mask[(2 * x + 1) * mask.width / (2 * width), y] }
        }
        return result
    }

    /// The head moved one cell toward the left (the way a left-facing figure looks) over a body that stays put.
    static func headForward(_ mask: SpriteMask, rows: BandRows) -> SpriteMask {
        var result = SpriteMask(
            width: mask.width + 1,
            height: mask.height,
            cells: Array(repeating: .empty, count: (mask.width + 1) * mask.height)
        )
        for y in 0..<mask.height {
            let shift = y < rows.head ? 0 : 1
            for x in 0..<mask.width { result[x + shift, y] = mask[x, y] }
        }
        return result
    }

    /// Side view eyes: every eye becomes the face around it, then each row that had eyes gets one near the front.
    static func eyeAtFront(_ mask: SpriteMask, rows: BandRows) -> SpriteMask {
        var result = mask
        for y in 0..<mask.height {
            let eyes = (0..<mask.width).filter { mask[$0, y] == .body(.eye) }
            guard !eyes.isEmpty else { continue }
            for x in eyes { result[x, y] = face(around: x, y, in: mask) }
            let filled = (0..<mask.width).filter { result[$0, y].isFilled }
            guard let front = filled.dropFirst(filled.count >= 3 ? 1 : 0).first else { continue }
            result[front, y] = .body(.eye)
        }
        return result
    }

    /// Three-quarter view eyes: each eye moves one cell left where that cell is face with more face beyond it (an eye
    /// on the silhouette's edge would merge with the outline).
    static func eyesTowardLeft(_ mask: SpriteMask) -> SpriteMask {
        var result = mask
        for y in 0..<mask.height {
            for x in 1..<max(1, mask.width)
            where mask[x, y] == .body(.eye) && result[x - 1, y].isFilled && result[x - 2, y].isFilled {
                guard result[x - 1, y] != .body(.eye) else { continue }
                result[x - 1, y] = .body(.eye)
                result[x, y] = face(around: x, y, in: mask)
            }
        }
        return result
    }

    /// A side-view figure's far arm is behind its body: the arm cells on the right are cleared.
    static func hidingFarArm(_ mask: SpriteMask, rows: BandRows) -> SpriteMask {
        var result = mask
        let armWidth = mask.width / 4
        guard armWidth > 0 else { return mask }
        for y in rows.head..<max(rows.head, mask.height - rows.legs) {
            for x in (mask.width - armWidth)..<mask.width { result[x, y] = .empty }
        }
        return result
    }

    /// The part a removed eye turns into: the nearest non-eye body part in its row, else primary.
    private static func face(around x: Int, _ y: Int, in mask: SpriteMask) -> MaskPixel {
        for distance in 1..<max(2, mask.width) {
            for candidate in [mask[x - distance, y], mask[x + distance, y]] {
                if case .body(let part) = candidate, part != .eye { return .body(part) }
            }
        }
        return .body(.primary)
    }
}
