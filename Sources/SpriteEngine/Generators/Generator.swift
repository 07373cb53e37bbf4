import PixelArt

/// Something that turns a sprite request into pixels: the embedded procedural engine, or ComfyUI.
package protocol Generator: Sendable {
    /// The `engine` every result reports (`procedural`, `comfyui`).
    var engineName: String { get }
    /// Makes the image for `request` with `seed`; reports stage progress through `progress`, and tells `prompts`
    /// where each prompt goes before sending it (a generator without prompts ignores it).
    func generate(
        _ request: SpriteRequest,
        seed: UInt64,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws -> GeneratedImage
    /// What, besides the request and seed, decides this generator's output for `request` (engine version,
    /// workflow template and bound graph); nil when the output cannot be cached.
    func cacheIdentity(for request: SpriteRequest, seed: UInt64) async -> String?
    /// Collects the image of a prompt sent before a restart; nil when it cannot (then the item is generated anew).
    func resume(
        _ request: SpriteRequest,
        from handle: PromptHandle,
        progress: ProgressReporter
    ) async throws -> GeneratedImage?
    /// Takes a prompt sent before a restart off its backend (dequeued if waiting, interrupted if running), for a job
    /// cancelled while no server followed it.
    func withdraw(_ handle: PromptHandle) async
    /// Releases connections when the server stops; with `leavingPrompts`, prompts already sent keep running on
    /// their backends (the journal collects them after a restart) instead of being cancelled.
    func shutdown(leavingPrompts: Bool) async
    /// The ComfyUI backends this generator sends prompts to, as the pool last saw them (none for the procedural
    /// engine).
    func backendStatuses() async -> [BackendPool.Status]
}

extension Generator {
    package func cacheIdentity(for request: SpriteRequest, seed: UInt64) async -> String? {
        nil
    }

    package func resume(
        _ request: SpriteRequest,
        from handle: PromptHandle,
        progress: ProgressReporter
    ) async throws -> GeneratedImage? {
        nil
    }

    package func withdraw(_ handle: PromptHandle) async {}

    package func shutdown(leavingPrompts: Bool) async {}

    package func backendStatuses() async -> [BackendPool.Status] { [] }
}

/// A generator's output before encoding: final-size pixels and which backend made them.
package struct GeneratedImage: Sendable {
    package var image: RGBAImage
    /// The engine that made it, when the generator delegates (`auto`); nil means the generator's own name.
    package var engine: String?
    package var backend: String?
    /// The ComfyUI prompt that painted it.
    package var promptID: String?
    /// Milliseconds spent turning the painted image into the sprite (decode, pixel-art pipeline).
    package var postprocessMS: Double?
    /// How `image` is cut into frames, when it is an animation sheet.
    package var sheet: AnimationSheetLayout?
    /// What each tile of `image` is, when it is a tileset.
    package var tileset: TilesetDescriptor?

    package init(
        image: RGBAImage,
        engine: String? = nil,
        backend: String? = nil,
        promptID: String? = nil,
        postprocessMS: Double? = nil,
        sheet: AnimationSheetLayout? = nil,
        tileset: TilesetDescriptor? = nil
    ) {
        self.image = image
        self.engine = engine
        self.backend = backend
        self.promptID = promptID
        self.postprocessMS = postprocessMS
        self.sheet = sheet
        self.tileset = tileset
    }
}
