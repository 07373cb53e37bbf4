import ComfyUI
import Foundation

/// What `dgx-pixels doctor` found on one ComfyUI backend.
package struct BackendReport: Sendable, Encodable {
    /// Whether one workflow template can run on the backend, and if not, exactly what is missing.
    package struct TemplateCheck: Sendable, Encodable {
        package var name: String
        package var problems: [String]
        package var ok: Bool { problems.isEmpty }

        enum CodingKeys: String, CodingKey {
            case name, problems, ok
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(problems, forKey: .problems)
            try container.encode(ok, forKey: .ok)
        }
    }

    package var url: String
    package var reachable: Bool
    package var error: String?
    package var comfyUIVersion: String?
    package var pytorchVersion: String?
    package var devices: [String] = []
    package var running: Int?
    package var pending: Int?
    package var checkpoints: [String] = []
    package var loras: [String] = []
    package var templates: [TemplateCheck] = []

    enum CodingKeys: String, CodingKey {
        case url, reachable, error, devices, running, pending, checkpoints, loras, templates
        case comfyUIVersion = "comfyui_version"
        case pytorchVersion = "pytorch_version"
    }

    /// Asks `client`'s server for its versions, queue and models, and validates every template against it.
    package static func check(_ client: ComfyUIClient, library: WorkflowLibrary) async -> BackendReport {
        var report = BackendReport(url: client.backend, reachable: false)
        do {
            let stats = try await client.systemStats()
            report.reachable = true
            report.comfyUIVersion = stats.comfyUIVersion
            report.pytorchVersion = stats.pytorchVersion
            report.devices = stats.devices.map { device in
                let gib = { (bytes: Int64) in String(format: "%.1f", Double(bytes) / 1_073_741_824) }
                return "\(device.name) (\(gib(device.vramFree)) of \(gib(device.vramTotal)) GiB free)"
            }
            let queue = try await client.queue()
            report.running = queue.running.count
            report.pending = queue.pending.count
            report.checkpoints = try await client.models("checkpoints")
            report.loras = try await client.models("loras")
            for template in library.templates.values.sorted(by: { $0.name < $1.name }) {
                report.templates.append(try await checkTemplate(template, on: client))
            }
        } catch {
            report.error = "\(error)"
        }
        return report
    }

    private static func checkTemplate(
        _ template: WorkflowTemplate,
        on client: ComfyUIClient
    ) async throws
        -> TemplateCheck
    {
        let graph: JSONValue
        do {
            var values: [String: JSONValue] = ["prompt": "doctor check", "seed": 0]
            // An img2img template has no default starting image; LoadImage's list is not checked client-side (the
            // server checks the uploaded file when the prompt arrives), so any name lets the rest be checked.
            if template.declares(.initImage) { values["init_image"] = "doctor-check.png" }
            graph = try template.bind(values)
        } catch {
            return TemplateCheck(name: template.name, problems: ["\(error)"])
        }
        let info = try ObjectInfo(json: try await client.objectInfo(classes: template.usedNodeClasses))
        let problems = info.problems(in: graph, backend: client.backend)
        return TemplateCheck(name: template.name, problems: problems.map(\.message))
    }
}
