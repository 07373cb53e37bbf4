import PixelArt

/// The rules consecutive frames of a clip keep: their silhouettes (alpha above 0) overlap by at least `minimumOverlap`
/// (intersection over union), and at least `minimumDifference` of their pixels differ.
///
/// A looping clip's last frame and first frame count as consecutive.
enum MotionBounds {
    static let minimumOverlap = 0.6
    static let minimumDifference = 0.02

    /// How well `frames` keep the rules: the smaller of the worst overlap and the worst difference, each as a share
    /// of its minimum; 1 or more when every pair keeps both.
    static func score(_ frames: [RGBAImage], loops: Bool) -> Double {
        guard frames.count > 1 else { return 1 }
        var worst = Double.infinity
        var pairs = (0..<(frames.count - 1)).map { ($0, $0 + 1) }
        if loops { pairs.append((frames.count - 1, 0)) }
        for (first, second) in pairs {
            let (overlap, difference) = compare(frames[first], frames[second])
            worst = min(worst, overlap / minimumOverlap, difference / minimumDifference)
        }
        return worst
    }

    /// Silhouette intersection over union, and the share of pixels whose colour differs.
    static func compare(_ first: RGBAImage, _ second: RGBAImage) -> (overlap: Double, difference: Double) {
        var both = 0
        var either = 0
        var differing = 0
        // Buffer pointers keep the loop free of reference counting, which otherwise dominates unoptimised builds.
        first.pixels.withUnsafeBufferPointer { a in
            second.pixels.withUnsafeBufferPointer { b in
                var index = 0
                while index < a.count {
                    let inFirst = a[index + 3] > 0
                    let inSecond = b[index + 3] > 0
                    if inFirst && inSecond { both += 1 }
                    if inFirst || inSecond { either += 1 }
                    if a[index] != b[index] || a[index + 1] != b[index + 1] || a[index + 2] != b[index + 2]
                        || a[index + 3] != b[index + 3]
                    {
                        differing += 1
                    }
                    index += 4
                }
            }
        }
        let overlap = either == 0 ? 1 : Double(both) / Double(either)
        return (overlap, Double(differing) / Double(first.width * first.height))
    }
}
