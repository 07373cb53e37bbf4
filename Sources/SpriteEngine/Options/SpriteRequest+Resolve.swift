import PixelArt

extension SpriteRequest {
    /// The request from values already checked one by one (`SpriteOption.check`): the style's defaults fill what
    /// the call left unset, and values derived from others (the colour budget) follow the ones in effect.
    init(
        checked values: [String: OptionValue],
        configuration: Configuration,
        fieldPrefix: String
    ) throws(SpriteEngineError) {
        func text(_ option: SpriteOption) -> String? {
            if case .text(let text)? = values[option.key] { return text }
            return nil
        }
        func field(_ option: SpriteOption) -> String { fieldPrefix + option.key }
        guard let rawPrompt = text(.prompt) else {
            throw .invalidArgument(
                field: field(.prompt),
                message: "is required: describe the sprite, e.g. 'red knight'"
            )
        }
        let cleanPrompt = rawPrompt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleanPrompt.isEmpty else {
            throw .invalidArgument(field: field(.prompt), message: "must not be empty: describe the sprite")
        }
        let style = try configuration.style(
            named: text(.style) ?? configuration.generation.defaultStyle,
            field: field(.style)
        )
        var size = style.size
        if let given = values[SpriteOption.size.key] {
            size = try SpriteOption.size(given, field: field(.size), bounds: .sprite, configuration: configuration)
        }
        var palette = style.palette
        switch values[SpriteOption.palette.key] {
        case .text(let name)?: palette = try SpriteOption.palette(named: name, field: field(.palette))
        case .list(let colours)?: palette = try SpriteOption.palette(colours: colours, field: field(.palette))
        default: break
        }
        var maxColors = min(style.maxColors, palette?.colors.count ?? 256)
        if case .int(let colors)? = values[SpriteOption.colors.key] { maxColors = colors }
        var background = style.background
        if let given = text(.background), let parsed = StylePreset.Background(given) { background = parsed }
        var seed: UInt64?
        if case .int(let given)? = values[SpriteOption.seed.key] { seed = UInt64(given) }
        var outline = style.outline
        if case .flag(let given)? = values[SpriteOption.outline.key] { outline = given }
        if values[SpriteOption.animation.key] == nil,
            let stray = SpriteRequest.sheetOnlyOptions.first(where: { values[$0.key] != nil })
        {
            throw .invalidArgument(
                field: field(stray),
                message:
                    "applies to animation sheets: give animation too (\(SpriteAnimation.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        var force = false
        if case .flag(let given)? = values[SpriteOption.force.key] { force = given }
        self.init(
            prompt: cleanPrompt,
            negativePrompt: text(.negativePrompt) ?? style.negativePrompt,
            style: style,
            size: size,
            seed: seed,
            palette: palette,
            maxColors: maxColors,
            outline: outline,
            background: background,
            name: text(.name) ?? SpriteName.slug(from: cleanPrompt),
            category: text(.category) ?? configuration.generation.defaultCategory,
            dither: text(.dither).flatMap(Dither.init(rawValue:)) ?? style.dither,
            workflow: text(.workflow),
            knobs: values.filter { key, _ in SpriteOption.named(key).map { $0.target != .request } ?? false },
            force: force
        )
        if let sheet = self.sheet {
            let width = sheet.frames * size.width
            let height = sheet.directions.rawValue * size.height
            let limits = configuration.limits
            if max(width, height) > limits.maxEdge || width * height > limits.maxPixels {
                throw .invalidArgument(
                    field: field(.frames),
                    message: "makes a \(width)x\(height) sheet, over limits.max_edge (\(limits.maxEdge)) or "
                        + "limits.max_pixels (\(limits.maxPixels)): give fewer frames or directions, or a smaller size"
                )
            }
        }
    }
}
