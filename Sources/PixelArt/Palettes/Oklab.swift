import Foundation

/// A colour in Björn Ottosson's Oklab space, where Euclidean distance tracks perceived difference.
struct Oklab: Sendable {
    var lightness: Double
    var a: Double
    var b: Double

    /// sRGB byte → linear light, precomputed for all 256 values.
    private static let linear: [Double] = (0..<256).map { byte in
        let value = Double(byte) / 255
        return value <= 0.040_45 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }

    /// Converts the colour's RGB (alpha is ignored).
    init(_ color: RGBA) {
        let red = Self.linear[Int(color.r)]
        let green = Self.linear[Int(color.g)]
        let blue = Self.linear[Int(color.b)]
        let l = cbrt(0.412_221_470_8 * red + 0.536_332_536_3 * green + 0.051_445_992_9 * blue)
        let m = cbrt(0.211_903_498_2 * red + 0.680_699_545_1 * green + 0.107_396_956_6 * blue)
        let s = cbrt(0.088_302_461_9 * red + 0.281_718_837_6 * green + 0.629_978_700_5 * blue)
        lightness = 0.210_454_255_3 * l + 0.793_617_785_0 * m - 0.004_072_046_8 * s
        a = 1.977_998_495_1 * l - 2.428_592_205_0 * m + 0.450_593_709_9 * s
        b = 0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766_0 * s
    }

    /// Squared Euclidean distance; the square root is not needed to compare.
    func distanceSquared(to other: Oklab) -> Double {
        let dl = lightness - other.lightness
        let da = a - other.a
        let db = b - other.b
        return dl * dl + da * da + db * db
    }
}
