import ComfyUI
import Testing

@testable import SpriteEngine

@Suite("Engine errors speak the engine's language")
struct SpriteEngineErrorTests {
    @Test("An unreachable backend says where backends are configured; the ComfyUI error itself does not")
    func unreachableAdvice() {
        let error = ComfyUIError.unreachable(backend: "http://spark:8188", reason: "connection refused")
        #expect(!error.description.contains("comfyui.backends"))
        let wrapped = SpriteEngineError.comfyUI(error).description
        #expect(wrapped.contains("http://spark:8188") && wrapped.contains("comfyui.backends"))
    }

    @Test("An unknown job names no MCP tool")
    func unknownJob() {
        let text = SpriteEngineError.unknownJob("20990101-000000-abcdef").description
        #expect(
            text.contains("20990101-000000-abcdef") && !text.contains("generate_sprite") && !text.contains("get_job")
        )
    }
}
