import PixelArt

/// Measurements the procedural tests make on rendered sprites.
extension RGBAImage {
    var allPixels: [RGBA] {
        (0..<height).flatMap { y in (0..<width).map { x in self[x, y] } }
    }

    var hasBinaryAlpha: Bool {
        allPixels.allSatisfy { $0.a == 0 || $0.a == 255 }
    }

    var opaqueFraction: Double {
        Double(allPixels.count(where: \.isOpaque)) / Double(width * height)
    }

    var distinctOpaqueColours: Set<RGBA> {
        Set(allPixels.filter(\.isOpaque))
    }

    /// Opaque pixels with a transparent 4-neighbour (or the canvas edge).
    var edgePixels: [(x: Int, y: Int)] {
        var edges: [(x: Int, y: Int)] = []
        for y in 0..<height {
            for x in 0..<width where self[x, y].isOpaque {
                let neighbours = [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)]
                if neighbours.contains(where: { !contains(x: $0.0, y: $0.1) || self[$0.0, $0.1].isTransparent }) {
                    edges.append((x, y))
                }
            }
        }
        return edges
    }

    /// Opaque pixels that are not edge pixels.
    var interiorPixels: [RGBA] {
        let edges = Set(edgePixels.map { $0.y * width + $0.x })
        return (0..<height).flatMap { y in
            (0..<width).compactMap { x in
                self[x, y].isOpaque && !edges.contains(y * width + x) ? self[x, y] : nil
            }
        }
    }

    /// Whether each row's opaque pixels mirror left-to-right about the centre of the opaque bounding box.
    var isMirrorSymmetric: Bool {
        let columns = (0..<width).filter { x in (0..<height).contains { self[x, $0].isOpaque } }
        guard let left = columns.first, let right = columns.last else { return true }
        for y in 0..<height {
            for x in left...right where self[x, y].isOpaque != self[left + right - x, y].isOpaque { return false }
        }
        return true
    }

    /// The most common colour of the edge pixels: the outline colour when the sprite is outlined.
    var dominantEdgeColour: RGBA? {
        var counts: [RGBA: Int] = [:]
        for edge in edgePixels { counts[self[edge.x, edge.y], default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.hex > $1.key.hex) }?.key
    }
}

extension RGBA {
    /// Brightness, 0…255, with the BT.601 weights.
    var luma: Int { (Int(r) * 299 + Int(g) * 587 + Int(b) * 114) / 1000 }
}
