import PixelArt

/// The deterministic benchmark input: a procedural 64×64 sprite upscaled onto a flat backdrop, with noise.
enum BenchSource {
    /// `64 × scale` pixels a side; the same bytes on every run and machine.
    ///
    /// Each pixel's RGB moves by one random amount in -noise...noise: the default ±4 keeps most cells
    /// uniform, ±30 (`PixelBench --noise 30`) makes most of them mixed, as in diffusion output.
    static func image(scale: Int, noise: Int = 4) -> RGBAImage {
        let noise = max(0, noise)
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let colors = (0..<24).map { _ in RGBA(UInt8(next() & 255), UInt8(next() & 255), UInt8(next() & 255)) }
        var sprite = RGBAImage(width: 64, height: 64, fill: RGBA(30, 160, 90))
        for y in 8..<56 {
            for x in 8..<56 {
                let dx = x - 32
                let dy = y - 32
                guard dx * dx + dy * dy < 24 * 24 else { continue }
                sprite[x, y] = colors[Int(next() % UInt64(colors.count))]
            }
        }
        let side = 64 * scale
        var pixels = [UInt8](repeating: 0, count: side * side * 4)
        for y in 0..<side {
            for x in 0..<side {
                let color = sprite[x / scale, y / scale]
                let noise = Int(next() % UInt64(2 * noise + 1)) - noise
                let index = (y * side + x) * 4
                pixels[index] = UInt8(clamping: Int(color.r) + noise)
                pixels[index + 1] = UInt8(clamping: Int(color.g) + noise)
                pixels[index + 2] = UInt8(clamping: Int(color.b) + noise)
                pixels[index + 3] = 255
            }
        }
        return RGBAImage(width: side, height: side, pixels: pixels) ?? sprite
    }
}
