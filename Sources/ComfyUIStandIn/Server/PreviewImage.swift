/// ComfyUI's binary preview frames (`send_image`): a big-endian event type, then a JPEG.
enum PreviewImage {
    /// JPEG-looking bytes of `size` length: SOI + JFIF APP0 header, filler that varies per step, EOI.
    static func jpegBytes(size: Int, step: Int) -> [UInt8] {
        let header: [UInt8] = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
            0x00, 0x00,
        ]
        let fillerCount = max(0, size - header.count - 2)
        var bytes = header
        bytes.reserveCapacity(header.count + fillerCount + 2)
        var state = UInt32(truncatingIfNeeded: step &* 2_654_435_761 &+ 1)
        for _ in 0..<fillerCount {
            state = state &* 1_664_525 &+ 1_013_904_223
            // 0xFF would start a marker inside the entropy-coded data; keep it out.
            bytes.append(UInt8(truncatingIfNeeded: state >> 24) & 0xFE)
        }
        bytes += [0xFF, 0xD9]
        return bytes
    }

    /// Event type 1 (PREVIEW_IMAGE): `[0,0,0,1]`, image format 1 (JPEG) `[0,0,0,1]`, then the image.
    static func frame(_ jpeg: [UInt8]) -> [UInt8] {
        bigEndian(1) + bigEndian(1) + jpeg
    }

    /// Event type 4 (PREVIEW_IMAGE_WITH_METADATA): `[0,0,0,4]`, metadata length, metadata JSON, then the image.
    static func frameWithMetadata(_ jpeg: [UInt8], metadata: StandInJSON) -> [UInt8] {
        let json = Array(metadata.text.utf8)
        return bigEndian(4) + bigEndian(UInt32(json.count)) + json + jpeg
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
