/// One 8-bit-per-channel, straight-alpha colour.
package struct RGBA: Hashable, Sendable {
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
        let digits = Array("0123456789abcdef".utf8)
        let channels = a == 255 ? [r, g, b] : [r, g, b, a]
        var text: [UInt8] = [UInt8(ascii: "#")]
        for byte in channels {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    package var isOpaque: Bool { a == 255 }
    package var isTransparent: Bool { a == 0 }
}

/// Encoded as its `hex` string (`"#be4a2f"`), the form palettes are written in: a 32-colour palette is 400 bytes of
/// JSON instead of 1.1 KB of `{"r","g","b","a"}` objects, and a batch's journal line shrinks to match. Decodes both.
extension RGBA: Codable {
    private enum CodingKeys: String, CodingKey {
        case r, g, b, a
    }

    package init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer(), let text = try? container.decode(String.self) {
            guard let color = RGBA(hex: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "'\(text)' is not a #rrggbb or #rrggbbaa colour"
                )
            }
            self = color
            return
        }
        // Journals and caches written before colours were hex strings.
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(UInt8.self, forKey: .r),
            try container.decode(UInt8.self, forKey: .g),
            try container.decode(UInt8.self, forKey: .b),
            try container.decode(UInt8.self, forKey: .a)
        )
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
