import PixelArt

/// Measurements the animation tests make between frames.
extension RGBAImage {
    /// Intersection over union of the two frames' silhouettes (pixels with alpha above 0); 1 when both are empty.
    func silhouetteIoU(_ other: RGBAImage) -> Double {
        var both = 0
        var either = 0
        for index in stride(from: 3, to: pixels.count, by: 4) {
            let here = pixels[index] > 0
            let there = other.pixels[index] > 0
            if here && there { both += 1 }
            if here || there { either += 1 }
        }
        return either == 0 ? 1 : Double(both) / Double(either)
    }

    /// The share of pixels whose RGBA differs between the two frames.
    func differingFraction(_ other: RGBAImage) -> Double {
        var differing = 0
        for index in stride(from: 0, to: pixels.count, by: 4)
        where pixels[index..<index + 4] != other.pixels[index..<index + 4] {
            differing += 1
        }
        return Double(differing) / Double(width * height)
    }
}
