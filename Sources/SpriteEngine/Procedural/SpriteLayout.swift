/// How a mask becomes pixels on the canvas: `detail` pixels per mask cell at native resolution (the outline and the
/// shading work at that resolution), then every native pixel drawn as a `scale` × `scale` block.
struct SpriteLayout: Hashable, Sendable {
    let detail: Int
    let scale: Int

    /// Native sprites larger than this stop looking like pixel art; bigger canvases scale instead.
    static let maximumNativeSize = 40

    /// The layout that fills the canvas best, less a 1-pixel transparent margin, preferring more detail when it
    /// covers nearly as much (at least 85%); nil when the mask does not fit even at one pixel per cell.
    static func fitting(maskWidth: Int, maskHeight: Int, canvasWidth: Int, canvasHeight: Int) -> SpriteLayout? {
        let availableWidth = canvasWidth - 2
        let availableHeight = canvasHeight - 2
        var candidates: [(layout: SpriteLayout, coverage: Int)] = []
        for detail in 1...8 {
            let nativeWidth = maskWidth * detail + 2
            let nativeHeight = maskHeight * detail + 2
            guard detail == 1 || max(nativeWidth, nativeHeight) <= maximumNativeSize else { break }
            let scale = min(availableWidth / nativeWidth, availableHeight / nativeHeight)
            guard scale >= 1 else { break }
            candidates.append((SpriteLayout(detail: detail, scale: scale), scale * max(nativeWidth, nativeHeight)))
        }
        guard let best = candidates.map(\.coverage).max() else { return nil }
        return candidates.last { $0.coverage * 100 >= best * 85 }?.layout
    }
}
