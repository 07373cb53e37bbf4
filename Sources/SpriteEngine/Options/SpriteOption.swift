/// One option of a sprite request, described once: every surface derives from this description — the MCP input
/// schema and argument reader (PixelsMCP), the batch YAML keys (`BatchSpec`), the CLI flags (`dgx-pixels generate`,
/// `batch`), batch inheritance (`SpriteDraft.inherit`) and the checks (`SpriteDraft.resolve`).
///
/// The table is `SpriteOption.all` (`SpriteOption+Table.swift`); docs/architecture.md has the recipe for a new one.
package struct SpriteOption: Sendable, Hashable, Identifiable {
    /// What a value must be; the reader of every surface converts by kind, and `resolve` checks by kind.
    package enum Kind: Sendable, Hashable {
        /// Free text of at most `maxLength` characters, no NUL.
        case text(maxLength: Int)
        /// A file-safe name: `[a-z0-9_-]`, 1 to 64 characters.
        case name
        /// A model, sampler or scheduler name as the ComfyUI server knows it: printable, no `..` or `\`.
        case modelName
        /// One of a fixed set of words (case-insensitive).
        case choice([String])
        /// The name of a style preset of the configuration.
        case style
        case integer(ClosedRange<Int>)
        /// One of a fixed set of integers.
        case integerChoice([Int])
        case number(ClosedRange<Double>)
        case flag
        /// An edge `N` or `WxH`.
        case size(SizeBounds)
        /// A palette name, `none`/`auto`, or a list of hex colours.
        case palette
        /// `transparent`, `keep`, or a hex colour.
        case background
    }

    /// Which sizes a `.size` option accepts.
    package enum SizeBounds: Sendable, Hashable {
        /// `generation.min_size` to `generation.max_size`.
        case sprite
        /// What diffusion paints at: 64 to 2048, multiples of 8.
        case diffusion
    }

    /// Whether a batch's shared options may set it for every item.
    package enum Scope: Sendable, Hashable {
        /// Each sprite's own (prompt, file name).
        case item
        /// Set per item, or once for the whole batch.
        case shared
    }

    /// Where a checked value goes.
    package enum Target: Sendable, Hashable {
        /// A typed field of `SpriteRequest`, filled by `SpriteDraft.resolve`.
        case request
        /// Bound into the ComfyUI workflow template's parameters of these names (`WorkflowBinding`).
        case workflow([String])
        /// Kept in `SpriteRequest.knobs` for the engine that acts on it (`request.knob(.name)`).
        case knob
    }

    /// A configuration setting an option's default comes from, so schemas and help can show its value.
    package enum Setting: Sendable, Hashable {
        case defaultStyle, defaultCategory, workflow

        /// The configuration key, for help printed before any configuration is read.
        package var key: String {
            switch self {
            case .defaultStyle: "generation.default_style"
            case .defaultCategory: "generation.default_category"
            case .workflow: "comfyui.workflow"
            }
        }

        package func value(in configuration: Configuration) -> String {
            switch self {
            case .defaultStyle: "'\(configuration.generation.defaultStyle)' (generation.default_style)"
            case .defaultCategory: "'\(configuration.generation.defaultCategory)' (generation.default_category)"
            case .workflow: "'\(configuration.comfyUI.workflow)' (comfyui.workflow)"
            }
        }
    }

    /// The name on the wire and in YAML (`negative_prompt`); the CLI flag is derived from it.
    package let key: String
    package let kind: Kind
    /// One sentence for the schema, the CLI help and the docs.
    package let summary: String
    /// What applies when the option is not given (`the style's`, `the workflow's`), nil when nothing does.
    package let defaultText: String?
    /// The setting the default comes from, shown after `defaultText`.
    package let defaultSetting: Setting?
    package let scope: Scope
    package let target: Target

    package init(
        _ key: String,
        _ kind: Kind,
        _ summary: String,
        default defaultText: String? = nil,
        setting: Setting? = nil,
        scope: Scope = .shared,
        target: Target = .request
    ) {
        self.key = key
        self.kind = kind
        self.summary = summary
        self.defaultText = defaultText
        defaultSetting = setting
        self.scope = scope
        self.target = target
    }

    package var id: String { key }

    /// What applies when the option is not given, with configured values filled in; nil when nothing does.
    package func defaultDescription(in configuration: Configuration?) -> String? {
        let setting = defaultSetting.map { setting in
            configuration.map { setting.value(in: $0) } ?? setting.key
        }
        switch (defaultText, setting) {
        case (let text?, let setting?): return text + " " + setting
        case (let text?, nil): return text
        case (nil, let setting?): return setting
        case (nil, nil): return nil
        }
    }

    /// The command-line flag: `negative_prompt` → `--negative-prompt`.
    package var flag: String { "--" + key.replacingOccurrences(of: "_", with: "-") }

    /// The option called `key`, if there is one.
    package static func named(_ key: String) -> SpriteOption? {
        all.first { $0.key == key }
    }
}
