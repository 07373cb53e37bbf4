/// A colour as one 32-bit key, so colour sets and lookups hash one integer instead of four fields.
extension RGBA {
    /// `0xRRGGBBAA`.
    package var packed: UInt32 {
        UInt32(r) << 24 | UInt32(g) << 16 | UInt32(b) << 8 | UInt32(a)
    }

    /// The colour whose `packed` value is `value`.
    package init(packed value: UInt32) {
        self.init(
            UInt8(truncatingIfNeeded: value >> 24),
            UInt8(truncatingIfNeeded: value >> 16),
            UInt8(truncatingIfNeeded: value >> 8),
            UInt8(truncatingIfNeeded: value)
        )
    }
}
