/// One 8-bit-per-channel, straight-alpha colour.
package struct RGBA: Hashable, Sendable, Codable {
    package var r: UInt8
    package var g: UInt8
    package var b: UInt8
    package var a: UInt8

    package init(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: UInt8 = 255) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    /// Fully transparent black, the background of every generated sprite.
    package static let clear = RGBA(0, 0, 0, 0)

    /// Parses `#rgb`, `#rrggbb` or `#rrggbbaa` (the `#` is optional, case-insensitive); nil when malformed.
    package init?(hex: String) {
        var text = Substring(hex)
        if text.hasPrefix("#") { text = text.dropFirst() }
        guard text.allSatisfy(\.isHexDigit) else { return nil }
        func channel(_ s: Substring) -> UInt8? { UInt8(s, radix: 16) }
        switch text.count {
        case 3:
            let digits = text.map { String([$0, $0]) }
            guard let r = UInt8(digits[0], radix: 16), let g = UInt8(digits[1], radix: 16),
                let b = UInt8(digits[2], radix: 16)
            else { return nil }
            self.init(r, g, b)
        case 6, 8:
            let start = text.startIndex
            func pair(_ offset: Int) -> UInt8? {
                let from = text.index(start, offsetBy: offset)
                return channel(text[from..<text.index(from, offsetBy: 2)])
            }
            guard let r = pair(0), let g = pair(2), let b = pair(4) else { return nil }
            let a = text.count == 8 ? pair(6) : 255
            guard let alpha = a else { return nil }
            self.init(r, g, b, alpha)
        default:
            return nil
        }
    }

    /// `#rrggbb`, or `#rrggbbaa` when not opaque.
    package var hex: String {
        let channels = a == 255 ? [r, g, b] : [r, g, b, a]
        return "#"
            + channels.map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
    }

    package var isOpaque: Bool { a == 255 }
    package var isTransparent: Bool { a == 0 }
}
