import PixelArt
import Testing

@testable import SpriteEngine

extension ProceduralTests {
    @Suite("Procedural animator")
    struct ProceduralAnimatorTests {
        static let prompts: [SpriteCategory: String] = [
            .character: "red knight", .creature: "green slime", .item: "gold coin", .vehicle: "spaceship",
            .tile: "water",
        ]

        func sheet(
            _ prompt: String,
            _ animation: SpriteAnimation,
            size: (Int, Int) = (32, 32),
            frames: Int? = nil,
            directions: SheetDirections = .eight,
            palette: [RGBA]? = nil,
            seed: UInt64 = 7
        ) -> AnimationSheet {
            let sprite = ProceduralSpec(prompt: prompt, seed: seed, width: size.0, height: size.1, palette: palette)
            let spec = AnimationSpec(sprite: sprite, animation: animation, frames: frames, directions: directions)
            return ProceduralAnimator().render(spec)
        }

        @Test(
            "A sheet is frames across by directions down, each frame the sprite's size",
            arguments: SheetDirections.allCases
        )
        func sheetShape(directions: SheetDirections) {
            for (category, prompt) in Self.prompts {
                let sheet = sheet(prompt, .walk, size: (24, 32), frames: 5, directions: directions)
                #expect(sheet.layout.columns == 5 && sheet.layout.rows == directions.rawValue, "\(category)")
                #expect(sheet.image.width == 5 * 24 && sheet.image.height == directions.rawValue * 32)
                #expect(sheet.layout.clips.map(\.name) == directions.rows.map { "walk_\($0.rawValue)" })
                #expect(sheet.image.hasBinaryAlpha)
            }
        }

        @Test("The smallest and largest sprites animate too", arguments: [(8, 8), (8, 20), (256, 256)])
        func extremeSizes(width: Int, height: Int) {
            for prompt in Self.prompts.values {
                let directions: SheetDirections = width > 64 ? .one : .four
                let sheet = sheet(prompt, .walk, size: (width, height), frames: 2, directions: directions)
                #expect(sheet.image.width == 2 * width, "\(prompt)")
                #expect(sheet.image.height == directions.rawValue * height, "\(prompt)")
                #expect(sheet.image.hasBinaryAlpha && sheet.image.opaqueFraction > 0, "\(prompt)")
                #expect(sheet.image.distinctOpaqueColours.isSubset(of: Set(sheet.colours)), "\(prompt)")
            }
        }

        @Test("The same spec renders byte-identical sheets")
        func deterministic() {
            for prompt in Self.prompts.values {
                for animation in SpriteAnimation.allCases {
                    let first = sheet(prompt, animation, size: (24, 32))
                    let again = sheet(prompt, animation, size: (24, 32))
                    #expect(
                        first.image.pixels == again.image.pixels && first.layout == again.layout,
                        "\(prompt) \(animation)"
                    )
                }
            }
            #expect(sheet("red knight", .walk).image != sheet("red knight", .walk, seed: 8).image)
        }

        @Test("At rest the sprite is the still sprite: facing down, or for a vehicle (drawn nose up) facing up")
        func restIsStill() {
            for prompt in ["red knight", "wizard", "gold coin", "sword", "spaceship", "tank"] {
                for size in [16, 32, 64] {
                    let still = ProceduralGenerator().render(
                        ProceduralSpec(prompt: prompt, seed: 7, width: size, height: size)
                    )
                    let idle = sheet(prompt, .idle, size: (size, size), directions: .four)
                    let isVehicle = SpriteCategory.infer(fromPrompt: prompt) == .vehicle
                    let rest = idle.frame(isVehicle ? 3 * idle.layout.columns : 0)
                    let same = rest.pixels == still.pixels
                    #expect(same, "\(prompt) at \(size)")
                }
            }
        }

        @Test("Every frame and direction draws from the still sprite's colours; with a palette, only from it")
        func oneColourSet() {
            for prompt in Self.prompts.values {
                for animation in SpriteAnimation.allCases {
                    let sheet = sheet(prompt, animation, size: (24, 32))
                    let still = ProceduralGenerator().render(
                        ProceduralSpec(prompt: prompt, seed: 7, width: 24, height: 32)
                    )
                    let allowed = Set(sheet.colours)
                    #expect(still.distinctOpaqueColours.isSubset(of: allowed), "\(prompt)")
                    #expect(sheet.image.distinctOpaqueColours.isSubset(of: allowed), "\(prompt) \(animation)")
                    let pico8 = ProceduralGeneratorTests.pico8
                    let snapped = self.sheet(prompt, animation, size: (24, 32), directions: .four, palette: pico8)
                    #expect(snapped.image.distinctOpaqueColours.isSubset(of: Set(pico8)), "\(prompt) \(animation)")
                }
            }
        }

        @Test("Up is not down; right is left mirrored; every direction keeps the sprite's size")
        func directions() {
            for prompt in Self.prompts.values {
                for size in [(16, 16), (32, 32), (24, 32)] {
                    let sheet = sheet(prompt, .idle, size: size, frames: 4)
                    let rows = SheetDirections.eight.rows
                    func frame(_ direction: SpriteDirection, _ column: Int = 0) -> RGBAImage {
                        sheet.frame((rows.firstIndex(of: direction) ?? 0) * 4 + column)
                    }
                    #expect(frame(.down) != frame(.up), "\(prompt)")
                    #expect(frame(.down).width == size.0 && frame(.up).height == size.1)
                    if !prompt.contains("water") {
                        for column in 0..<4 {
                            #expect(frame(.right, column) == frame(.left, column).mirroredHorizontally)
                            #expect(frame(.downRight, column) == frame(.downLeft, column).mirroredHorizontally)
                            #expect(frame(.upRight, column) == frame(.upLeft, column).mirroredHorizontally)
                        }
                    }
                    // The views are the same thing seen from elsewhere: about the same size on the canvas.
                    let front = frame(.down).opaqueFraction
                    for direction in rows where !prompt.contains("water") {
                        let share = frame(direction).opaqueFraction
                        #expect(share > front * 0.45 && share < front * 1.6, "\(prompt) \(direction)")
                    }
                }
            }
        }
    }
}
