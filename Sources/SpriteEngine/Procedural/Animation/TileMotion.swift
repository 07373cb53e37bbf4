import PixelArt

/// Animates a terrain tile without breaking its wrap-around: water flows toward the direction, every texture has a
/// band of light sweeping that way, and every frame moves by whole native pixels over whole periods, so each frame
/// still tiles and a looping clip's last frame leads into its first.
///
/// Run and attack sweep twice as fast (attack's band brighter), hurt flashes lighter on every other frame, death
/// darkens a shade over the clip.
struct TileMotion: Sendable {
    let texture: TileTexture
    let grid: ShadeGrid
    let scale: Int
    let width: Int
    let height: Int

    func frames(_ animation: SpriteAnimation, direction: SpriteDirection, count: Int) -> [RGBAImage] {
        let (dx, dy) = direction.forward
        let period = period(dx: dx, dy: dy)
        let speed = animation == .run || animation == .attack ? 2 : 1
        // The texture flows one period per loop; the band sweeps `speed` periods, never a whole period per frame
        // (which would show the same picture every frame).
        let flowCycles = (count + period - 1) / period
        var bandCycles = flowCycles * speed
        if bandCycles % count == 0 { bandCycles += 1 }
        let bandWidth = max(2, period / 4)
        let flows = texture.pattern == .water
        // Each native texel's colour code: ramp (surface or joint) × 6 + level (5 is the outline).
        let codes = (0..<(grid.width * grid.height)).map { index in
            let texel = grid[index % grid.width, index / grid.width]
            return (texel.isJoint ? 6 : 0) + min(max(texel.level, 0), 5)
        }
        let phases = (0..<(grid.width * grid.height)).map { index in
            phaseAlong(x: index % grid.width, y: index / grid.width, dx: dx, dy: dy, period: period)
        }
        return (0..<count).map { frame in
            let shift = flows ? frame * period * flowCycles / count : 0
            let bandStart = frame * period * bandCycles / count
            var shade = 0
            if animation == .hurt && frame % 2 == 0 { shade = -1 }
            if animation == .death { shade = frame * 2 / count }
            // Colours by ramp and level, in and out of the band, looked up per pixel.
            let lights = [0, animation == .attack ? -2 : -1]
            let tables = lights.map { light in
                [texture.surface, texture.joint].map { ramp in
                    (0..<5).map { ramp[$0 + shade + light] } + [ramp.outline]
                }
            }
            let flat = tables.map { $0.flatMap { $0 } }
            let (gridWidth, gridHeight, width, scale) = (grid.width, grid.height, width, scale)
            var bytes = [UInt8](repeating: 0, count: width * height * 4)
            // Buffer pointers keep the loop free of reference counting, which otherwise dominates unoptimised builds.
            bytes.withUnsafeMutableBufferPointer { bytes in
                for y in 0..<height {
                    let nativeY = y / scale
                    let sourceY = ((nativeY - shift * dy) % gridHeight + gridHeight) % gridHeight
                    for x in 0..<width {
                        let nativeX = x / scale
                        let sourceX = ((nativeX - shift * dx) % gridWidth + gridWidth) % gridWidth
                        let phase = phases[nativeY * gridWidth + nativeX]
                        let inBand = ((phase - bandStart) % period + period) % period < bandWidth
                        let colour = flat[inBand ? 1 : 0][codes[sourceY * gridWidth + sourceX]]
                        let byte = (y * width + x) * 4
                        bytes[byte] = colour.r
                        bytes[byte + 1] = colour.g
                        bytes[byte + 2] = colour.b
                        bytes[byte + 3] = colour.a
                    }
                }
            }
            return RGBAImage(width: width, height: height, pixels: bytes) ?? RGBAImage(width: width, height: height)
        }
    }

    /// Native pixels until the texture repeats along the direction: its width or height, or for a diagonal both.
    private func period(dx: Int, dy: Int) -> Int {
        if dy == 0 { return grid.width }
        if dx == 0 { return grid.height }
        return grid.width / greatestCommonDivisor(grid.width, grid.height) * grid.height
    }

    /// How far along the direction a native pixel lies, repeating with the texture so bands wrap seamlessly.
    private func phaseAlong(x: Int, y: Int, dx: Int, dy: Int, period: Int) -> Int {
        let alongX = dx * x * (period / grid.width)
        let alongY = dy * y * (period / grid.height)
        return ((alongX + alongY) % period + period) % period
    }

    private func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : greatestCommonDivisor(b, a % b)
    }
}
