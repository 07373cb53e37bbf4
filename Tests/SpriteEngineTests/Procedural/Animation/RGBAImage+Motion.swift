import PixelArt

/// Measurements the animation tests make between frames (buffer pointers keep them fast in debug builds).
extension RGBAImage {
    /// Intersection over union of the two frames' silhouettes (pixels with alpha above 0); 1 when both are empty.
    func silhouetteIoU(_ other: RGBAImage) -> Double {
        var both = 0
        var either = 0
        pixels.withUnsafeBufferPointer { here in
            other.pixels.withUnsafeBufferPointer { there in
                var alpha = 3
                while alpha < here.count {
                    if here[alpha] > 0 && there[alpha] > 0 { both += 1 }
                    if here[alpha] > 0 || there[alpha] > 0 { either += 1 }
                    alpha += 4
                }
            }
        }
        return either == 0 ? 1 : Double(both) / Double(either)
    }

    /// The share of pixels whose RGBA differs between the two frames.
    func differingFraction(_ other: RGBAImage) -> Double {
        var differing = 0
        pixels.withUnsafeBufferPointer { here in
            other.pixels.withUnsafeBufferPointer { there in
                var index = 0
                while index < here.count {
                    if here[index] != there[index] || here[index + 1] != there[index + 1]
                        || here[index + 2] != there[index + 2] || here[index + 3] != there[index + 3]
                    {
                        differing += 1
                    }
                    index += 4
                }
            }
        }
        return Double(differing) / Double(width * height)
    }
}
