import PixelArt

/// Paints one view of a sprite in any pose: moves its bands, rescales it about its feet, adds exhaust, colours,
/// outlines and fades it at native resolution, then scales it onto the canvas where the still sprite sits.
///
/// The rest pose of the front view paints exactly the still sprite.
struct FrameCompositor: Sendable {
    let layer: BodyLayer
    let colours: SpriteColours
    let outline: Bool
    let layout: SpriteLayout
    let width: Int
    let height: Int
    /// Where exhaust goes: the opposite of the way the sprite faces, in screen steps.
    let rear: (dx: Int, dy: Int)
    /// Room around the body for motion, in native pixels.
    let margin: Int
    /// The filled layer pixels of each band, indexed by `BodyBand.rawValue` (pixels of one cell share a band).
    let bandPixels: [[(x: Int, y: Int, pixel: BodyPixel)]]

    init(
        view: SpriteView,
        colours: SpriteColours,
        outline: Bool,
        layout: SpriteLayout,
        width: Int,
        height: Int,
        rear: (dx: Int, dy: Int)
    ) {
        let detail = layout.detail
        var layer = BodyLayer(mask: view.mask, detail: detail)
        layer.shadeCells(by: view.shade, maskWidth: view.mask.width)
        self.layer = layer
        self.colours = colours
        self.outline = outline
        self.layout = layout
        self.width = width
        self.height = height
        self.rear = rear
        // Enough for the largest motion: a cell or two of offset, a rescale of a sixth, three cells of exhaust.
        margin = 6 * detail
        var bandPixels = [[(x: Int, y: Int, pixel: BodyPixel)]](repeating: [], count: BodyBand.allCases.count)
        for y in 1..<layer.height {
            for x in 1..<layer.width where layer[x, y].isFilled {
                let band = view.bands[(x - 1) / detail, (y - 1) / detail]
                bandPixels[band.rawValue].append((x, y, layer[x, y]))
            }
        }
        self.bandPixels = bandPixels
    }

    /// The frame for `pose` on a transparent `width` × `height` canvas.
    func render(_ pose: FramePose) -> RGBAImage {
        var stage = placeBands(pose)
        if pose.scaleX != 16 || pose.scaleY != 16 { stage = rescaled(stage, pose) }
        if pose.flame > 0 { addFlame(&stage, cells: pose.flame) }
        return painted(stage, pose)
    }

    /// The stage: the layer with `margin` pixels all round, each band moved by its offset, drawn back to front.
    private func placeBands(_ pose: FramePose) -> Stage {
        var stage = Stage(width: layer.width + 2 * margin, height: layer.height + 2 * margin)
        let detail = pose.movesByPixel ? 1 : layout.detail
        for band in BodyBand.allCases {
            let offset = pose.offset(of: band)
            // Arms are drawn at every step from rest to their offset, a swing rather than a jump, so a swinging arm
            // stays joined to the shoulder instead of floating free.
            let sweeps = band == .armLeft || band == .armRight
            let steps = sweeps ? max(abs(offset.dx), abs(offset.dy)) * detail : 0
            for step in 0...steps {
                let fraction = (step: steps == 0 ? 1 : step, of: max(steps, 1))
                let shiftX = margin + offset.dx * detail * fraction.step / fraction.of
                let shiftY = margin + offset.dy * detail * fraction.step / fraction.of
                stage.stamp(bandPixels[band.rawValue], dx: shiftX, dy: shiftY)
            }
        }
        return stage
    }

    /// The stage scaled by `scaleX`/16 × `scaleY`/16 about the body's bottom centre (a negative `scaleX` mirrors), by
    /// nearest sampling in doubled coordinates so pixel centres stay integers.
    private func rescaled(_ stage: Stage, _ pose: FramePose) -> Stage {
        let centreX2 = 2 * margin + layer.width
        // The body's bottom edge (just below its last row); distances are measured up from it to pixel centres.
        let edge = margin + layer.height
        let columns = (0..<stage.width).map { x in
            SpriteView.floorDivision(centreX2 + (2 * x + 1 - centreX2) * 16 / pose.scaleX, 2)
        }
        let rows = (0..<stage.height).map { y in
            edge - 1 - SpriteView.floorDivision((2 * (edge - y) - 1) * 16 / pose.scaleY, 2)
        }
        return stage.resampled(columns: columns, rows: rows)
    }

    /// A flickering flame behind the body: from the last body pixel on the line from the centre toward the rear,
    /// `cells` cells long and a cell wide, in the accent colour with a white-hot core.
    private func addFlame(_ stage: inout Stage, cells: Int) {
        let detail = layout.detail
        let centreX = margin + layer.width / 2
        let centreY = margin + layer.height / 2
        var last: (x: Int, y: Int)?
        var step = 0
        while stage.contains(centreX + step * rear.dx, centreY + step * rear.dy) {
            if stage[centreX + step * rear.dx, centreY + step * rear.dy].isFilled {
                last = (centreX + step * rear.dx, centreY + step * rear.dy)
            }
            step += 1
        }
        guard let start = last else { return }
        let across = (dx: -rear.dy, dy: rear.dx)
        for distance in 1...(cells * detail) {
            let pixel: BodyPixel = distance <= detail ? .glint : .shaded(.accent, level: distance / detail % 2)
            for side in -(detail / 2)...((detail - 1) / 2 + 1) {
                let x = start.x + distance * rear.dx + side * across.dx
                let y = start.y + distance * rear.dy + side * across.dy
                if !stage[x, y].isFilled { stage[x, y] = pixel }
            }
        }
    }
}
