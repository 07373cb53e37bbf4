import PixelArt
import Testing

@testable import SpriteEngine

extension ProceduralTests {
    /// The motion rules for every animation of every category in every direction: consecutive frames overlap (their
    /// silhouettes' intersection over union is at least 0.6) yet differ (in at least 2 % of the frame's pixels), and
    /// a looping clip's last frame leads into its first by the same rules.
    ///
    /// The cases run one at a time (`.serialized`): hundreds of CPU-bound cases at once would hold every thread of the
    /// test process and starve the engine tests' jobs running beside them.
    @Suite("Animation motion", .serialized)
    struct AnimationMotionTests {
        static let categories: [(SpriteCategory, String)] = [
            (.character, "red knight"), (.creature, "bat"), (.item, "sword"), (.vehicle, "tank"), (.tile, "water"),
        ]
        static let cases = categories.flatMap { category in SpriteAnimation.allCases.map { (category.1, $0) } }
        /// Every template, and every tile pattern.
        static let allPrompts = [
            "red knight", "wizard", "hero", "pirate", "slime", "bat", "spider", "monster", "sword", "potion",
            "gold coin", "key", "treasure chest", "gem", "shield", "spaceship", "car", "tank", "boat", "grass",
            "brick wall", "stone floor", "water", "dirt",
        ]

        func sheet(_ prompt: String, _ animation: SpriteAnimation, _ size: (Int, Int), frames: Int?) -> AnimationSheet {
            let sprite = ProceduralSpec(prompt: prompt, seed: 7, width: size.0, height: size.1)
            return ProceduralAnimator().render(
                AnimationSpec(sprite: sprite, animation: animation, frames: frames, directions: .eight)
            )
        }

        /// Records every pair of consecutive frames in any row of `sheet` that breaks the rules.
        func checkRows(_ sheet: AnimationSheet, _ label: String) {
            let columns = sheet.layout.columns
            for (row, clip) in sheet.layout.clips.enumerated() {
                let frames = (0..<columns).map { sheet.frame(row * columns + $0) }
                var pairs = (0..<(columns - 1)).map { ($0, $0 + 1) }
                if clip.loops { pairs.append((columns - 1, 0)) }
                for (first, second) in pairs {
                    let overlap = frames[first].silhouetteIoU(frames[second])
                    let difference = frames[first].differingFraction(frames[second])
                    #expect(overlap >= 0.6, "\(label) \(clip.name) \(first)→\(second): IoU \(overlap)")
                    #expect(difference >= 0.02, "\(label) \(clip.name) \(first)→\(second): differs \(difference)")
                }
            }
        }

        @Test("Frames overlap and differ at 16×16 for every frame count from 2 to 16", arguments: cases)
        func everyFrameCount(prompt: String, animation: SpriteAnimation) {
            for frames in SpriteAnimation.frameRange {
                checkRows(sheet(prompt, animation, (16, 16), frames: frames), "\(prompt) 16 \(frames) frames")
            }
        }

        @Test("Frames overlap and differ at 24×32, 32×32 and 64×64", arguments: cases)
        func otherSizes(prompt: String, animation: SpriteAnimation) {
            let runs: [((Int, Int), [Int])] = [
                ((24, 32), [2, 5, 16]), ((32, 32), [3, animation.defaultFrames]), ((64, 64), [9]),
            ]
            for (size, counts) in runs {
                for frames in counts {
                    checkRows(sheet(prompt, animation, size, frames: frames), "\(prompt) \(size) \(frames) frames")
                }
            }
        }

        @Test("Frames overlap and differ for every template and tile pattern", arguments: allPrompts)
        func everyTemplate(prompt: String) {
            for animation in SpriteAnimation.allCases {
                for size in [(16, 16), (24, 32)] {
                    checkRows(sheet(prompt, animation, size, frames: nil), "\(prompt) \(size)")
                }
            }
        }

        @Test(
            "One- and four-direction sheets are the first rows of the eight-direction sheet",
            arguments: categories.map { ($0.1, SpriteAnimation.walk) } + [("red knight", .attack)]
        )
        func fewerDirections(prompt: String, animation: SpriteAnimation) {
            let sprite = ProceduralSpec(prompt: prompt, seed: 3, width: 24, height: 32)
            let eight = ProceduralAnimator().render(
                AnimationSpec(sprite: sprite, animation: animation, directions: .eight)
            )
            for directions in [SheetDirections.one, .four] {
                let sheet = ProceduralAnimator().render(
                    AnimationSpec(sprite: sprite, animation: animation, directions: directions)
                )
                let count = directions.rawValue * sheet.layout.columns
                let same = (0..<count).allSatisfy { sheet.frame($0).pixels == eight.frame($0).pixels }
                #expect(same, "\(prompt) \(animation) \(directions)")
            }
        }
    }
}
