import Foundation
import Testing

@testable import SpriteEngine

extension ProceduralTests {
    @Suite("Animation sheet layout")
    struct SheetLayoutTests {
        @Test("Every animation has a default of 2 to 16 frames and a rate; idle, walk and run loop")
        func defaults() {
            for animation in SpriteAnimation.allCases {
                #expect(SpriteAnimation.frameRange.contains(animation.defaultFrames))
                #expect(animation.defaultFPS > 0)
            }
            #expect(SpriteAnimation.allCases.filter(\.loops) == [.idle, .walk, .run])
        }

        @Test("Rows run down, left, right, up, then down_left, down_right, up_left, up_right")
        func rowOrder() {
            #expect(SheetDirections.one.rows.map(\.rawValue) == ["down"])
            #expect(SheetDirections.four.rows.map(\.rawValue) == ["down", "left", "right", "up"])
            #expect(
                SheetDirections.eight.rows.map(\.rawValue)
                    == ["down", "left", "right", "up", "down_left", "down_right", "up_left", "up_right"]
            )
            #expect(SheetDirections.allCases.map(\.rawValue) == [1, 4, 8])
        }

        @Test("Clips are <animation>_<direction>, one row each, indices as from_grid counts them")
        func clips() throws {
            let layout = AnimationSheetLayout(
                animation: .walk,
                directions: SheetDirections.four.rows,
                frames: 6,
                fps: 10,
                width: 24,
                height: 32
            )
            #expect(layout.columns == 6 && layout.rows == 4 && layout.frameWidth == 24 && layout.frameHeight == 32)
            #expect(layout.clips.map(\.name) == ["walk_down", "walk_left", "walk_right", "walk_up"])
            #expect(layout.clips.map(\.first) == [0, 6, 12, 18])
            #expect(layout.clips.map(\.last) == [5, 11, 17, 23])
            #expect(layout.clips.allSatisfy { $0.fps == 10 && $0.loops })
            let json = String(decoding: try JSONEncoder().encode(layout), as: UTF8.self)
            #expect(json.contains("\"frame_width\":24") && json.contains("\"frame_height\":32"))
        }

        @Test("A spec clamps frames to 2…16 and falls back to the animation's defaults")
        func specDefaults() {
            let sprite = ProceduralSpec(prompt: "knight", seed: 1, width: 16, height: 16)
            #expect(AnimationSpec(sprite: sprite, animation: .death).resolvedFrames == 8)
            #expect(AnimationSpec(sprite: sprite, animation: .walk, frames: 1).resolvedFrames == 2)
            #expect(AnimationSpec(sprite: sprite, animation: .walk, frames: 40).resolvedFrames == 16)
            #expect(AnimationSpec(sprite: sprite, animation: .run).resolvedFPS == SpriteAnimation.run.defaultFPS)
            #expect(AnimationSpec(sprite: sprite, animation: .run, fps: 24).resolvedFPS == 24)
        }

        @Test("Looping clips play whole cycles with no step twice in a row; one-shot clips keep their order")
        func sampling() {
            for steps in [4, 8] {
                for count in SpriteAnimation.frameRange {
                    let sampled = (0..<count).map { PoseSampler.looping(frame: $0, of: count, steps: steps) }
                    for index in sampled.indices {
                        #expect(sampled[index] != sampled[(index + 1) % count], "\(steps) steps, \(count) frames")
                    }
                }
            }
            for count in SpriteAnimation.frameRange {
                let sampled = (0..<count).map { PoseSampler.once(frame: $0, of: count, steps: 16) }
                #expect(sampled == sampled.sorted() && Set(sampled).count == count && sampled.first == 0)
            }
        }
    }
}
