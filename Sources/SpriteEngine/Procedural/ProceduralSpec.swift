import PixelArt

/// Everything that decides a procedural sprite's pixels; equal specs give byte-identical images.
package struct ProceduralSpec: Sendable, Hashable {
    package var prompt: String
    package var seed: UInt64
    /// 8…256; values outside are clamped.
    package var width: Int
    /// 8…256; values outside are clamped.
    package var height: Int
    /// nil → inferred from the prompt, else `.character`.
    package var category: SpriteCategory?
    /// A style's palette; when given, every output colour is one of its colours.
    package var palette: [RGBA]?
    package var outline: Bool = true

    package init(
        prompt: String,
        seed: UInt64,
        width: Int,
        height: Int,
        category: SpriteCategory? = nil,
        palette: [RGBA]? = nil,
        outline: Bool = true
    ) {
        self.prompt = prompt
        self.seed = seed
        self.width = width
        self.height = height
        self.category = category
        self.palette = palette
        self.outline = outline
    }

    /// The category actually drawn: the given one, else inferred from the prompt, else `.character`.
    package var resolvedCategory: SpriteCategory {
        category ?? SpriteCategory.infer(fromPrompt: prompt) ?? .character
    }

    /// FNV-1a 64 of every field in a fixed byte layout (prompt normalised: lowercased, whitespace collapsed); the
    /// same on every machine and in every process, unlike `Hasher`.
    package var stableHash: UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func feed(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        func feed(_ value: UInt64) {
            feed((0..<8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) })
        }
        feed(Array(ProceduralGenerator.version.utf8) + [0])
        feed(Array(PromptWords.normalised(prompt).utf8) + [0])
        feed(seed)
        feed(UInt64(clamping: width))
        feed(UInt64(clamping: height))
        feed(Array((category?.rawValue ?? "auto").utf8) + [0])
        if let palette {
            feed(UInt64(palette.count))
            for colour in palette { feed([colour.r, colour.g, colour.b, colour.a]) }
        } else {
            feed([0xFF])
        }
        feed([outline ? 1 : 0])
        return hash
    }
}
