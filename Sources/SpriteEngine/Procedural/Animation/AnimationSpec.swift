/// Everything that decides an animation sheet's pixels; equal specs give byte-identical sheets.
package struct AnimationSpec: Sendable, Hashable {
    /// The still sprite the sheet animates: its prompt, seed, frame size, category, palette and outline.
    package var sprite: ProceduralSpec
    package var animation: SpriteAnimation
    /// 2…16; nil → the animation's default; values outside are clamped.
    package var frames: Int?
    package var directions: SheetDirections
    /// Frames per second written into the clips; nil → the animation's default.
    package var fps: Double?

    package init(
        sprite: ProceduralSpec,
        animation: SpriteAnimation,
        frames: Int? = nil,
        directions: SheetDirections = .one,
        fps: Double? = nil
    ) {
        self.sprite = sprite
        self.animation = animation
        self.frames = frames
        self.directions = directions
        self.fps = fps
    }

    /// The frame count actually drawn: the given one clamped to `SpriteAnimation.frameRange`, else the default.
    package var resolvedFrames: Int {
        let range = SpriteAnimation.frameRange
        return min(max(frames ?? animation.defaultFrames, range.lowerBound), range.upperBound)
    }

    /// The playback rate written into the clips.
    package var resolvedFPS: Double {
        fps ?? animation.defaultFPS
    }
}
