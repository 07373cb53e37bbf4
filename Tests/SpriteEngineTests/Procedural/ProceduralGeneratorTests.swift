import PixelArt
import Testing

@testable import SpriteEngine

extension ProceduralTests {
    @Suite("Procedural generator")
    struct ProceduralGeneratorTests {
        let generator = ProceduralGenerator()
        static let spritePrompts = [
            "red knight", "wizard", "hero", "slime", "bat", "spider", "monster", "sword", "potion", "gold coin", "key",
            "treasure chest", "gem", "shield", "spaceship", "car", "tank", "boat",
        ]

        func render(_ prompt: String, seed: UInt64 = 7, size: Int = 32, palette: [RGBA]? = nil) -> RGBAImage {
            generator.render(ProceduralSpec(prompt: prompt, seed: seed, width: size, height: size, palette: palette))
        }

        @Test("The same spec renders byte-identical pixels")
        func deterministic() {
            for prompt in Self.spritePrompts + ["grass", "brick wall"] {
                let spec = ProceduralSpec(prompt: prompt, seed: 42, width: 48, height: 40)
                let first = SHA256.hex(generator.render(spec).pixels)
                #expect(first == SHA256.hex(ProceduralGenerator().render(spec).pixels), "\(prompt)")
            }
        }

        @Test("Renders the pinned pixels on every machine (bump ProceduralGenerator.version when this changes)")
        func pinnedOutput() {
            #expect(ProceduralGenerator.version == "procedural-1")
            let knight = SHA256.hex(render("red knight", seed: 1).pixels)
            let brick = SHA256.hex(render("brick wall", seed: 1, size: 16).pixels)
            let potion = SHA256.hex(render("potion", seed: 1, palette: Self.pico8).pixels)
            #expect(knight == "8b6590a3509b20d6344a42e46ec7fec5b7f224dd8abe9f75dccf61d82364883f")
            #expect(brick == "6bd0a703bf14834dcee5e94f619c15a38670708dde949898f29f5a6a4eee0ce3")
            #expect(potion == "d2438ee9f7919e8fd3b4de5a639f898e8949675ef3691b9acbdbb48d31706c4a")
        }

        @Test("Normalises the prompt: case and runs of whitespace do not change the sprite")
        func normalisedPrompt() {
            #expect(SHA256.hex(render("Red   Knight ").pixels) == SHA256.hex(render("red knight").pixels))
        }

        @Test("A different seed renders different pixels")
        func seedMatters() {
            for prompt in Self.spritePrompts + ["grass", "stone floor"] {
                let first = SHA256.hex(render(prompt, seed: 1).pixels)
                #expect(first != SHA256.hex(render(prompt, seed: 2).pixels), "\(prompt)")
            }
        }

        @Test(
            "Output is exactly the requested size",
            arguments: [(8, 8), (16, 16), (33, 33), (64, 64), (256, 256), (24, 48), (48, 24), (8, 256)]
        )
        func exactSize(width: Int, height: Int) {
            for prompt in ["knight", "slime", "coin", "spaceship", "grass"] {
                let image = generator.render(ProceduralSpec(prompt: prompt, seed: 3, width: width, height: height))
                #expect(image.width == width && image.height == height)
                #expect(image.pixels.count == width * height * 4)
                #expect(image.hasBinaryAlpha)
            }
        }

        @Test("Clamps sizes outside 8…256")
        func clampsSize() {
            let image = generator.render(ProceduralSpec(prompt: "knight", seed: 1, width: 2, height: 999))
            #expect(image.width == 8 && image.height == 256)
        }

        @Test(
            "Sprites have binary alpha, a transparent 1-pixel border and transparent corners",
            arguments: [8, 16, 32, 33, 64, 128]
        )
        func transparentBorder(size: Int) {
            for prompt in Self.spritePrompts {
                let image = render(prompt, size: size)
                #expect(image.hasBinaryAlpha, "\(prompt) \(size)")
                let border = (0..<size).flatMap { i in
                    [image[i, 0], image[i, size - 1], image[0, i], image[size - 1, i]]
                }
                #expect(border.allSatisfy { $0.isTransparent }, "\(prompt) \(size)")
                #expect(image.opaqueFraction > 0, "\(prompt) \(size)")
            }
        }

        @Test("Sprites are left-right mirror symmetric", arguments: [16, 32, 33, 64])
        func symmetric(size: Int) {
            for prompt in Self.spritePrompts {
                for seed: UInt64 in 0..<4 {
                    #expect(render(prompt, seed: seed, size: size).isMirrorSymmetric, "\(prompt)")
                }
            }
        }

        @Test("Sprites are centred", arguments: [16, 32, 33, 64, 128])
        func centred(size: Int) throws {
            for prompt in Self.spritePrompts {
                let image = render(prompt, size: size)
                let pixels = image.allPixels
                let opaque = pixels.indices.filter { pixels[$0].isOpaque }
                let xs = opaque.map { $0 % size }
                let ys = opaque.map { $0 / size }
                let left = try #require(xs.min())
                let right = size - 1 - (try #require(xs.max()))
                let top = try #require(ys.min())
                let bottom = size - 1 - (try #require(ys.max()))
                #expect(abs(left - right) <= 1 && abs(top - bottom) <= 1, "\(prompt) at \(size)")
            }
        }

        @Test("Sprites cover a reasonable share of a square canvas", arguments: [16, 32, 64, 128])
        func coverage(size: Int) {
            for prompt in Self.spritePrompts {
                let fraction = render(prompt, size: size).opaqueFraction
                #expect(fraction >= 0.2 && fraction <= 0.8, "\(prompt) at \(size): \(fraction)")
            }
        }

        @Test("The outline is darker than the body")
        func outlineIsDark() {
            for prompt in Self.spritePrompts {
                for seed: UInt64 in 0..<3 {
                    let image = render(prompt, seed: seed)
                    let interior = image.interiorPixels
                    let bodyLuma = interior.map(\.luma).reduce(0, +) / max(interior.count, 1)
                    let edges = image.edgePixels.map { image[$0.x, $0.y] }
                    #expect(edges.allSatisfy { $0.luma < bodyLuma }, "\(prompt) seed \(seed)")
                    #expect(edges.allSatisfy { $0 != RGBA(0, 0, 0) }, "outline is never pure black")
                }
            }
        }

        @Test("Without an outline the edge is body colour")
        func noOutline() throws {
            let spec = ProceduralSpec(prompt: "slime", seed: 5, width: 32, height: 32, outline: false)
            let plain = generator.render(spec)
            let outlined = generator.render(ProceduralSpec(prompt: "slime", seed: 5, width: 32, height: 32))
            let outline = try #require(outlined.dominantEdgeColour)
            #expect(plain.opaqueFraction < outlined.opaqueFraction)
            #expect(!plain.edgePixels.contains { plain[$0.x, $0.y] == outline })
        }

        @Test(
            "Tiles are fully opaque",
            arguments: ["grass", "brick wall", "stone floor", "water", "dirt", "lava", "tile"]
        )
        func tilesOpaque(prompt: String) {
            for size in [8, 16, 33, 64] {
                #expect(render(prompt, size: size).allPixels.allSatisfy { $0.isOpaque }, "\(prompt) at \(size)")
            }
            let wide = generator.render(ProceduralSpec(prompt: prompt, seed: 1, width: 256, height: 24))
            #expect(wide.allPixels.allSatisfy { $0.isOpaque })
        }

        @Test("With a palette every colour comes from it")
        func paletteOnly() {
            let palette = Self.pico8
            for prompt in Self.spritePrompts + ["grass", "brick wall", "stone floor", "water", "dirt"] {
                let colours = render(prompt, palette: palette).distinctOpaqueColours
                #expect(colours.isSubset(of: Set(palette)), "\(prompt)")
            }
        }

        @Test("A red knight is mostly red")
        func redKnight() throws {
            for seed: UInt64 in 0..<8 {
                let image = render("red knight", seed: seed)
                let outline = try #require(image.dominantEdgeColour)
                let body = image.allPixels.filter { $0.isOpaque && $0 != outline }
                let red = body.count { $0.r > $0.g && $0.r > $0.b }
                #expect(red * 2 > body.count, "seed \(seed): \(red) of \(body.count) red")
            }
        }

        @Test("A gold coin is yellowish")
        func goldCoin() throws {
            for seed: UInt64 in 0..<8 {
                let image = render("gold coin", seed: seed)
                let outline = try #require(image.dominantEdgeColour)
                let body = image.allPixels.filter { $0.isOpaque && $0 != outline }
                let yellow = body.count { Int($0.r) > Int($0.b) + 60 && Int($0.g) > Int($0.b) + 40 }
                #expect(yellow * 2 > body.count, "seed \(seed)")
            }
        }

        @Test("Sprites use few colours")
        func fewColours() {
            for prompt in Self.spritePrompts {
                for seed: UInt64 in 0..<3 {
                    let count = render(prompt, seed: seed, size: 64).distinctOpaqueColours.count
                    #expect(count <= 16, "\(prompt): \(count) colours")
                }
            }
        }

        @Test("Renders a 256 × 256 sprite quickly")
        func fast() {
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                for seed: UInt64 in 0..<4 {
                    _ = generator.render(ProceduralSpec(prompt: "knight", seed: seed, width: 256, height: 256))
                    _ = generator.render(ProceduralSpec(prompt: "stone", seed: seed, width: 256, height: 256))
                }
            }
            // Generous for unoptimised test builds on a shared machine; release builds take a few milliseconds.
            #expect(elapsed < .seconds(4))
        }

        static let pico8: [RGBA] = [
            "#000000", "#1d2b53", "#7e2553", "#008751", "#ab5236", "#5f574f", "#c2c3c7", "#fff1e8", "#ff004d",
            "#ffa300",
            "#ffec27", "#00e436", "#29adff", "#83769c", "#ff77a8", "#ffccaa",
        ].compactMap { RGBA(hex: $0) }
    }
}
