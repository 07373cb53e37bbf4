/// Which step of a motion each frame shows.
///
/// A motion is a table of distinct steps, each visibly different from its neighbours. Looping motions have `k` steps
/// per cycle; a clip of `n` frames plays `ceil(n / k)` whole cycles, so it has at least one step per frame, never
/// shows one step twice in a row, and its last frame leads back into its first. One-shot motions have
/// `k` steps from start to end; frame `i` shows step `i * k / n`, so fewer frames skip steps but keep the order.
enum PoseSampler {
    /// The step of frame `frame` of `count` in a loop of `steps` steps.
    static func looping(frame: Int, of count: Int, steps: Int) -> Int {
        let cycles = (count + steps - 1) / steps
        return frame * steps * cycles / count % steps
    }

    /// The step of frame `frame` of `count` in a one-shot motion of `steps` steps.
    static func once(frame: Int, of count: Int, steps: Int) -> Int {
        frame * steps / count
    }
}
