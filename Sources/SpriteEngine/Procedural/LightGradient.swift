/// Light from the top left across the sprite's bounding box: -1 (lit) near that corner, +1 (shaded) far from it.
struct LightGradient: Sendable {
    let minX: Int
    let minY: Int
    let spanX: Int
    let spanY: Int

    func gradient(x: Int, y: Int) -> Int {
        let across = (x - minX) * 256 / spanX
        let down = (y - minY) * 256 / spanY
        let position = (across + 2 * down) / 3
        if position < 72 { return -1 }
        if position > 184 { return 1 }
        return 0
    }
}
