import ComfyUI
import ComfyUIStandIn
import Foundation
import Testing

@testable import SpriteEngine

@Suite struct BackendReportTests {
    @Test("The doctor finds every shipped template runnable when its models are installed, img2img ones included")
    func shippedTemplatesRun() async throws {
        let standIn = try await ComfyUIStandIn.start(
            .init(
                checkpoints: [
                    "sd_xl_base_1.0.safetensors", "sd_xl_turbo_1.0_fp16.safetensors", "v1-5-pruned-emaonly.safetensors",
                ],
                loras: ["pixel-art-xl.safetensors"]
            )
        )
        let client = ComfyUIClient(baseURL: standIn.url, connector: NIOWebSocketConnector())
        let report = await BackendReport.check(
            client,
            library: WorkflowLibrary(directories: [ComfyUIHarness.workflows])
        )
        await client.shutdown()
        await standIn.shutdown()
        #expect(report.reachable && report.error == nil)
        #expect(report.templates.map(\.name).contains("sd15-pixel-art-img2img"))
        for template in report.templates {
            #expect(template.ok, "\(template.name): \(template.problems)")
        }
    }
}
