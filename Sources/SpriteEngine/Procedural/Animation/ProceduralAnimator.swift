import PixelArt

/// Paints animation sheets with the procedural engine: the still sprite's character in motion, one row per direction.
///
/// Every frame and every direction is drawn from the blueprint the still sprite is drawn from, so they share its
/// template, mask and colours; the rest pose seen from the front paints exactly the still sprite.
package struct ProceduralAnimator: Sendable {
    /// Part of every cache key for sheets: bump whenever any animation spec renders differently.
    package static let version = "procedural-anim-1"

    package init() {}

    /// The sheet for `spec`: the same spec gives byte-identical pixels on every machine.
    package func render(_ spec: AnimationSpec) -> AnimationSheet {
        let blueprint = SpriteBlueprint(spec: spec.sprite)
        let frameCount = spec.resolvedFrames
        let directions = spec.directions.rows
        var rows: [[RGBAImage]] = []
        let colours: [RGBA]
        switch blueprint.body {
        case .masked(let masked):
            var drawn: [SpriteDirection: [RGBAImage]] = [:]
            for direction in directions {
                let source = direction.mirrorOf ?? direction
                let frames =
                    drawn[source]
                    ?? frames(of: masked, blueprint: blueprint, spec: spec, direction: source, count: frameCount)
                drawn[source] = frames
                rows.append(direction.mirrorOf == nil ? frames : frames.map(\.mirroredHorizontally))
            }
            colours = masked.colours.allColours
        case .tile(let texture, var random):
            let (grid, scale) = texture.shadeGrid(width: blueprint.width, height: blueprint.height, using: &random)
            let motion = TileMotion(
                texture: texture,
                grid: grid,
                scale: scale,
                width: blueprint.width,
                height: blueprint.height
            )
            rows = directions.map { motion.frames(spec.animation, direction: $0, count: frameCount) }
            colours = texture.allColours
        }
        let layout = AnimationSheetLayout(
            animation: spec.animation,
            directions: directions,
            frames: frameCount,
            fps: spec.resolvedFPS,
            width: blueprint.width,
            height: blueprint.height
        )
        return AnimationSheet(image: Self.sheet(rows, layout: layout), layout: layout, colours: colours)
    }

    /// The frames of one unmirrored direction.
    func frames(
        of masked: SpriteBlueprint.Masked,
        blueprint: SpriteBlueprint,
        spec: AnimationSpec,
        direction: SpriteDirection,
        count: Int
    ) -> [RGBAImage] {
        let layout = masked.layout
        // A view wider or taller than the front (a turned vehicle) shrinks to the room the canvas has at this layout.
        let maxCellsX = ((blueprint.width - 2) / layout.scale - 2) / layout.detail
        let maxCellsY = ((blueprint.height - 2) / layout.scale - 2) / layout.detail
        let view = SpriteView(
            front: masked.mask,
            category: blueprint.category,
            direction: direction,
            fitting: (max(1, maxCellsX), max(1, maxCellsY))
        )
        let compositor = FrameCompositor(
            view: view,
            colours: masked.colours,
            outline: masked.outline,
            layout: layout,
            width: blueprint.width,
            height: blueprint.height,
            rear: (-direction.forward.dx, -direction.forward.dy)
        )
        let plan = MotionPlan(
            category: blueprint.category,
            animation: spec.animation,
            direction: direction,
            frames: count
        )
        let poses = plan.poses()
        // The first restraint whose frames keep the bounds; when none does (a sprite too thin for any move), the one
        // that comes closest.
        var best: (frames: [RGBAImage], score: Double)?
        for restraint in MotionRestraint.allCases {
            let frames = poses.map { compositor.render(restraint.apply(to: $0)) }
            let score = MotionBounds.score(frames, loops: spec.animation.loops)
            if score >= 1 { return frames }
            if score > best?.score ?? -1 { best = (frames, score) }
        }
        return best?.frames ?? []
    }

    /// Frames laid out row by row, each row a direction.
    static func sheet(_ rows: [[RGBAImage]], layout: AnimationSheetLayout) -> RGBAImage {
        layout.assemble(rows)
    }
}
