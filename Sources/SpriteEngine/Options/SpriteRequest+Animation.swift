/// What an animation sheet request asks for, read from the request's knobs.
package struct SheetRequest: Sendable, Hashable {
    package var animation: SpriteAnimation
    package var frames: Int
    package var directions: SheetDirections
    package var fps: Double
}

extension SpriteRequest {
    /// The sheet the request asks for; nil for a still sprite.
    package var sheet: SheetRequest? {
        guard case .text(let name)? = knob(.animation), let animation = SpriteAnimation(rawValue: name) else {
            return nil
        }
        var frames = animation.defaultFrames
        if case .int(let given)? = knob(.frames) { frames = given }
        var directions = SheetDirections.one
        if case .int(let given)? = knob(.directions), let rows = SheetDirections(rawValue: given) { directions = rows }
        var fps = animation.defaultFPS
        if case .number(let given)? = knob(.fps) { fps = given }
        return SheetRequest(animation: animation, frames: frames, directions: directions, fps: fps)
    }

    /// `img2img`'s strength for frames after the first, when the call set it.
    package var denoise: Double? {
        if case .number(let value)? = knob(.denoise) { return value }
        return nil
    }

    /// Options that only make sense on an animation sheet; giving one without `animation` is an error naming it.
    static let sheetOnlyOptions: [SpriteOption] = [.frames, .directions, .fps, .denoise]
}
