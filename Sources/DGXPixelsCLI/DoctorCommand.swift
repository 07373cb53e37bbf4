import ArgumentParser
import ComfyUI
import Foundation
import Logging
import SpriteEngine

/// `dgx-pixels doctor`: reaches each ComfyUI backend and says what it has and which templates can run on it.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check each ComfyUI backend: version, queue, models, and whether each workflow template validates.",
        discussion: "Exit status 1 when a configured backend is unreachable or a template cannot run on it."
    )

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print the report as JSON.") var json = false

    func run() async throws {
        let (configuration, _) = try global.bootstrap()
        let comfy = configuration.comfyUI
        let library = WorkflowLibrary(
            directories: WorkflowLocator.directories(configured: comfy.workflowDirectories)
        )
        var reports: [BackendReport] = []
        for backend in comfy.backends {
            guard let url = URL(string: backend.url) else { continue }
            var options = configuration.comfyUIClientOptions
            options.retry = .none
            let client = ComfyUIClient(
                baseURL: url,
                options: options,
                connector: NIOWebSocketConnector(),
                logger: Logger(label: "dgx-pixels.comfyui")
            )
            reports.append(await BackendReport.check(client, library: library))
            await client.shutdown()
        }
        if json {
            try Console.json(
                Output(
                    engine: configuration.engine.rawValue,
                    backends: reports,
                    templateErrors: library.loadErrors.map(\.description)
                )
            )
        } else {
            describe(reports, engine: configuration.engine, library: library)
        }
        let healthy = reports.allSatisfy { $0.reachable && $0.templates.contains(where: \.ok) }
        if !healthy || !library.loadErrors.isEmpty { throw ExitCode.failure }
    }

    private func describe(_ reports: [BackendReport], engine: Configuration.EngineMode, library: WorkflowLibrary) {
        Console.out("engine: \(engine.rawValue)")
        Console.out("workflow templates: \(library.names.joined(separator: ", "))")
        for error in library.loadErrors { Console.out("  not loaded: \(error.withAdvice)") }
        if reports.isEmpty {
            Console.out(
                "no ComfyUI backend configured: the procedural engine serves every call "
                    + "(set comfyui.backends or DGX_PIXELS_COMFYUI_URL)"
            )
        }
        for report in reports {
            guard report.reachable else {
                Console.out("✗ \(report.url): \(report.error ?? "unreachable")")
                continue
            }
            Console.out(
                "✓ \(report.url): ComfyUI \(report.comfyUIVersion ?? "?"), torch \(report.pytorchVersion ?? "?")"
            )
            for device in report.devices { Console.out("    device: \(device)") }
            Console.out("    queue: \(report.running ?? 0) running, \(report.pending ?? 0) pending")
            Console.out(
                "    checkpoints: \(report.checkpoints.isEmpty ? "none" : report.checkpoints.joined(separator: ", "))"
            )
            Console.out("    loras: \(report.loras.isEmpty ? "none" : report.loras.joined(separator: ", "))")
            if let error = report.error { Console.out("    error: \(error)") }
            for template in report.templates {
                Console.out("    \(template.ok ? "✓" : "✗") workflow \(template.name)")
                for problem in template.problems { Console.out("        \(problem)") }
            }
        }
    }

    /// `--json` output.
    struct Output: Encodable {
        var engine: String
        var backends: [BackendReport]
        var templateErrors: [String]

        enum CodingKeys: String, CodingKey {
            case engine, backends
            case templateErrors = "template_errors"
        }
    }
}
