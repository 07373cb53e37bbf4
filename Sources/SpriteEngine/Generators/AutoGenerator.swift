/// `engine: auto`: ComfyUI when one of its backends answers, else the embedded procedural engine.
///
/// Decided per sprite (backend availability is probed at most every few seconds), and every result names the
/// engine that made it.
package struct AutoGenerator: Generator {
    package var engineName: String { "auto" }
    let comfyUI: ComfyUIGenerator
    let fallback: any Generator

    package init(comfyUI: ComfyUIGenerator, fallback: any Generator) {
        self.comfyUI = comfyUI
        self.fallback = fallback
    }

    package func generate(
        _ request: SpriteRequest,
        seed: UInt64,
        progress: ProgressReporter,
        prompts: PromptRecorder
    ) async throws -> GeneratedImage {
        if await comfyUI.pool.isAvailable() {
            return try await comfyUI.generate(request, seed: seed, progress: progress, prompts: prompts)
        }
        var image = try await fallback.generate(request, seed: seed, progress: progress, prompts: prompts)
        image.engine = image.engine ?? fallback.engineName
        return image
    }

    package func cacheIdentity(for request: SpriteRequest, seed: UInt64) async -> String? {
        if await comfyUI.pool.isAvailable() {
            return await comfyUI.cacheIdentity(for: request, seed: seed)
        }
        return await fallback.cacheIdentity(for: request, seed: seed)
    }

    package func resume(
        _ request: SpriteRequest,
        from handle: PromptHandle,
        progress: ProgressReporter
    ) async throws -> GeneratedImage? {
        try await comfyUI.resume(request, from: handle, progress: progress)
    }

    package func withdraw(_ handle: PromptHandle) async {
        await comfyUI.withdraw(handle)
    }

    package func shutdown(leavingPrompts: Bool) async {
        await comfyUI.shutdown(leavingPrompts: leavingPrompts)
    }

    package func backendStatuses() async -> [BackendPool.Status] {
        await comfyUI.backendStatuses()
    }
}
