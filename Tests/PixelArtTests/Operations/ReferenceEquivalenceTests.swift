import Testing

@testable import PixelArt

/// The tuned operations against `ReferenceOperations`: same bytes, same profiles, same grids, on images that
/// reach every branch (uniform and mixed cells, transparent pixels with colour, enclosed and winding backdrops).
@Suite("Fast operations match the reference implementations")
struct ReferenceEquivalenceTests {
    /// Inputs of several shapes: noise with clear and half-clear pixels, damaged upscaled sprites, thin strips.
    static let images: [RGBAImage] = {
        var images = [noisy(width: 37, height: 29, seed: 1), noisy(width: 1, height: 13, seed: 2)]
        images.append(noisy(width: 17, height: 1, seed: 3))
        images.append(noisy(width: 1, height: 1, seed: 4))
        for scale in [3, 8, 13] {
            let sprite = SpriteFixtures.sprite(width: 11, height: 9, seed: UInt64(scale))
            let offset = scale / 3
            let upscaled = SpriteFixtures.upscaled(
                sprite,
                scale: scale,
                offsetX: offset,
                offsetY: scale - 1 - offset,
                backdrop: RGBA(40, 120, 200)
            )
            images.append(SpriteFixtures.damaged(upscaled, noise: 10, seed: UInt64(scale)))
        }
        images.append(maze(side: 41, spacing: 4))
        images.append(maze(side: 101, spacing: 12))
        images.append(nearlyFlat(width: 70, height: 50, seed: 5))
        return images
    }()

    /// One colour with independent noise of up to ±12 a channel: cells on both sides of k-centroid's
    /// "uniform" test, and cells of thousands of pixels when downscaled to 1×1 or 3×2.
    static func nearlyFlat(width: Int, height: Int, seed: UInt64) -> RGBAImage {
        var random = TestRandom(seed: seed)
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                func noisy(_ value: Int) -> UInt8 { UInt8(value + Int.random(in: -12...12, using: &random)) }
                image[x, y] = RGBA(noisy(120), noisy(60), noisy(243), noisy(230))
            }
        }
        return image
    }

    /// Colours from a few clusters plus noise; about one pixel in eight clear (keeping its RGB), one in eight half.
    static func noisy(width: Int, height: Int, seed: UInt64) -> RGBAImage {
        var random = TestRandom(seed: seed)
        let bases = [RGBA(200, 200, 200), RGBA(20, 40, 220), RGBA(240, 30, 30)]
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let base = bases[Int.random(in: 0..<bases.count, using: &random)]
                func jitter(_ value: UInt8) -> UInt8 {
                    UInt8(clamping: Int(value) + Int.random(in: -30...30, using: &random))
                }
                let alpha: UInt8 = [0, 128, 255, 255, 255, 255, 255, 255][Int.random(in: 0..<8, using: &random)]
                image[x, y] = RGBA(jitter(base.r), jitter(base.g), jitter(base.b), alpha)
            }
        }
        return image
    }

    /// A grey backdrop with nested red rings `spacing` apart, each with a one-pixel gate on alternating sides:
    /// the backdrop reaches the inner corridors only through the gates, going up and down in turn, and the
    /// pocket inside the innermost ring must survive.
    static func maze(side: Int, spacing: Int) -> RGBAImage {
        var image = RGBAImage(width: side, height: side, fill: RGBA(200, 200, 200))
        for ring in stride(from: 2, to: side / 2, by: spacing) {
            for i in ring..<(side - ring) {
                image[i, ring] = RGBA(220, 30, 30)
                image[i, side - 1 - ring] = RGBA(220, 30, 30)
                image[ring, i] = RGBA(220, 30, 30)
                image[side - 1 - ring, i] = RGBA(220, 30, 30)
            }
            // A gate in each ring but the innermost, alternating sides, so the path spirals inwards.
            if ring + spacing < side / 2 {
                let gate = ring / spacing % 2 == 0 ? (side / 2, ring) : (side / 2, side - 1 - ring)
                image[gate.0, gate.1] = RGBA(203, 197, 200)
            }
        }
        return image
    }

    @Test("k-centroid on even cells gives the reference bytes", arguments: [1, 2, 3, 4])
    func kCentroidEven(clusters: Int) {
        for image in Self.images {
            for (width, height) in [(1, 1), (3, 2), (image.width / 3, image.height / 4), (image.width, image.height)] {
                let newWidth = min(max(1, width), image.width)
                let newHeight = min(max(1, height), image.height)
                let columns = (0..<newWidth).map { ($0 * image.width / newWidth)..<(($0 + 1) * image.width / newWidth) }
                let rows = (0..<newHeight).map {
                    ($0 * image.height / newHeight)..<(($0 + 1) * image.height / newHeight)
                }
                let expected = ReferenceOperations.kCentroid(image, columns: columns, rows: rows, clusters: clusters)
                let result = image.downscaledKCentroid(width: width, height: height, clusters: clusters)
                #expect(result == expected, "\(image.width)×\(image.height) → \(width)×\(height), k = \(clusters)")
            }
        }
    }

    @Test("k-centroid on uneven, overlapping and empty cells gives the reference bytes")
    func kCentroidCells() {
        var random = TestRandom(seed: 11)
        for image in Self.images {
            func cells(_ length: Int) -> [Range<Int>] {
                (0..<5).map { _ in
                    let start = Int.random(in: 0..<length, using: &random)
                    return start..<Int.random(in: start...length, using: &random)
                }
            }
            let columns = cells(image.width)
            let rows = cells(image.height)
            let expected = ReferenceOperations.kCentroid(image, columns: columns, rows: rows, clusters: 2)
            #expect(image.downscaledKCentroid(columns: columns, rows: rows, clusters: 2) == expected)
        }
    }

    /// Sources whose cells are mostly mixed, so nearly every cell runs k-means: an upscaled sprite with the same
    /// ±30 or ±60 on each pixel's RGB (the bench's `--noise`), with independent ±60 on every channel, uniformly
    /// random bytes, and exact copies of four colours (many equal distances, so every tie-break matters).
    static let mixed: [RGBAImage] = {
        var random = TestRandom(seed: 21)
        let sprite = SpriteFixtures.upscaled(
            SpriteFixtures.sprite(width: 6, height: 5, seed: 21),
            scale: 16,
            offsetX: 0,
            offsetY: 0,
            backdrop: RGBA(30, 160, 90)
        )
        func map(_ image: RGBAImage, _ transform: (RGBA) -> RGBA) -> RGBAImage {
            var result = image
            for y in 0..<image.height {
                for x in 0..<image.width { result[x, y] = transform(image[x, y]) }
            }
            return result
        }
        func shifted(_ value: UInt8, by noise: Int) -> UInt8 { UInt8(clamping: Int(value) + noise) }
        var images: [RGBAImage] = []
        for noise in [30, 60] {
            images.append(
                map(sprite) { color in
                    let shift = Int.random(in: -noise...noise, using: &random)
                    return RGBA(shifted(color.r, by: shift), shifted(color.g, by: shift), shifted(color.b, by: shift))
                }
            )
        }
        images.append(
            map(sprite) { color in
                func noisy(_ value: UInt8) -> UInt8 { shifted(value, by: Int.random(in: -60...60, using: &random)) }
                return RGBA(noisy(color.r), noisy(color.g), noisy(color.b), noisy(color.a))
            }
        )
        images.append(
            map(sprite) { _ in
                RGBA(
                    UInt8.random(in: 0...255, using: &random),
                    UInt8.random(in: 0...255, using: &random),
                    UInt8.random(in: 0...255, using: &random),
                    UInt8.random(in: 0...255, using: &random)
                )
            }
        )
        let four = [RGBA(0, 0, 0), RGBA(255, 255, 255), RGBA(255, 0, 0, 0), RGBA(0, 255, 0, 128)]
        images.append(map(sprite) { _ in four[Int.random(in: 0..<four.count, using: &random)] })
        return images
    }()

    @Test("k-centroid on mostly mixed cells gives the reference bytes", arguments: [2, 3])
    func kCentroidMixed(clusters: Int) {
        for (index, image) in Self.mixed.enumerated() {
            // 16×16 cells as in the bench, cells with 1–3 pixels past a multiple of four, and the whole image.
            for (width, height) in [(6, 5), (19, 11), (32, 27), (48, 80), (1, 1)] {
                let result = image.downscaledKCentroid(width: width, height: height, clusters: clusters)
                let columns = (0..<width).map { ($0 * image.width / width)..<(($0 + 1) * image.width / width) }
                let rows = (0..<height).map { ($0 * image.height / height)..<(($0 + 1) * image.height / height) }
                let expected = ReferenceOperations.kCentroid(image, columns: columns, rows: rows, clusters: clusters)
                #expect(result == expected, "mixed image \(index) → \(width)×\(height), k = \(clusters)")
            }
        }
    }

    @Test("k-centroid on a cell of more than 65 536 mixed pixels gives the reference bytes")
    func kCentroidLargeCell() {
        var random = TestRandom(seed: 22)
        var image = RGBAImage(width: 260, height: 260)
        for y in 0..<image.height {
            for x in 0..<image.width {
                image[x, y] = RGBA(
                    UInt8.random(in: 0...255, using: &random),
                    UInt8.random(in: 0...255, using: &random),
                    UInt8.random(in: 0...255, using: &random),
                    UInt8.random(in: 0...255, using: &random)
                )
            }
        }
        for clusters in [2, 3] {
            let expected = ReferenceOperations.kCentroid(image, columns: [0..<260], rows: [0..<260], clusters: clusters)
            #expect(image.downscaledKCentroid(width: 1, height: 1, clusters: clusters) == expected, "k = \(clusters)")
        }
    }

    @Test("Flood fill clears the same pixels as the reference pixel stack", arguments: [0, 8, 24, 60, 255])
    func floodFill(tolerance: Int) {
        var images = Self.images
        images.append(RGBAImageBackgroundTests.ringOnBackdrop())
        for image in images {
            let expected = ReferenceOperations.removingBackground(image, tolerance: tolerance)
            #expect(image.removingBackground(tolerance: tolerance) == expected, "\(image.width)×\(image.height)")
        }
    }

    @Test("The mazes are solved: the corridor inside the last gate is cleared, the walled-in pocket is not")
    func mazes() {
        for (side, spacing, corridor) in [(41, 4, 16), (101, 12, 32)] {
            let result = Self.maze(side: side, spacing: spacing).removingBackground(tolerance: 8)
            #expect(result[corridor, side / 2].isTransparent)
            #expect(result[side / 2, side / 2] == RGBA(200, 200, 200))
        }
    }

    @Test("Edge profiles and detected grids match the reference")
    func grid() {
        // Tall enough that 16-bit column totals would overflow if they were not folded every 256 rows.
        var images = Self.images + [Self.noisy(width: 9, height: 700, seed: 6)]
        for scale in 2...16 {
            let sprite = SpriteFixtures.sprite(width: 16, height: 14, seed: UInt64(200 + scale))
            let upscaled = SpriteFixtures.upscaled(
                sprite,
                scale: scale,
                offsetX: scale / 2,
                offsetY: scale / 3,
                backdrop: RGBA(0, 200, 90)
            )
            images.append(SpriteFixtures.damaged(upscaled, noise: 8, seed: UInt64(scale)))
        }
        for image in images {
            let (columns, rows) = EdgeProfile.profiles(of: image)
            #expect(columns.values == ReferenceOperations.columnProfile(image))
            #expect(rows.values == ReferenceOperations.rowProfile(image))
            #expect(PixelGrid.detect(in: image) == ReferenceOperations.detectGrid(in: image))
        }
    }
}
