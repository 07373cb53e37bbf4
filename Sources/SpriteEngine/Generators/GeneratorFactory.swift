import ComfyUI
import Foundation
import Logging

/// Builds the generator the configuration asks for: procedural, ComfyUI, or `auto` (ComfyUI with the procedural
/// engine as fallback).
package enum GeneratorFactory {
    /// - Parameters:
    ///   - configuration: The server's settings.
    ///   - logger: Where the ComfyUI client logs.
    ///   - connector: How event sockets are opened (tests may pass another).
    ///   - workflowDirectories: Where templates are loaded from; defaults to `WorkflowLocator`'s search.
    /// - Returns: The generator.
    package static func make(
        _ configuration: Configuration,
        logger: Logger,
        connector: any WebSocketConnector = NIOWebSocketConnector(),
        workflowDirectories: [URL]? = nil
    ) -> any Generator {
        let procedural = ProceduralGenerator()
        let comfy = configuration.comfyUI
        guard configuration.engine != .procedural, !comfy.backends.isEmpty else { return procedural }
        let library = WorkflowLibrary(
            directories: workflowDirectories ?? WorkflowLocator.directories(configured: comfy.workflowDirectories)
        )
        for problem in library.loadErrors {
            logger.warning("workflow template not loaded", metadata: ["error": "\(problem)"])
        }
        let clients = comfy.backends.compactMap { backend -> (client: ComfyUIClient, slots: Int)? in
            guard let url = URL(string: backend.url) else { return nil }
            let client = ComfyUIClient(
                baseURL: url,
                options: configuration.comfyUIClientOptions,
                connector: connector,
                logger: logger
            )
            return (client, backend.slots)
        }
        let pool = BackendPool(
            clients: clients,
            overQueue: comfy.overQueue,
            backoff: .milliseconds(Int64(comfy.backoff * 1000)),
            logger: logger
        )
        let generator = ComfyUIGenerator(
            pool: pool,
            library: library,
            defaultWorkflow: comfy.workflow,
            maxPixels: configuration.limits.maxPixels,
            logger: logger
        )
        return configuration.engine == .auto ? AutoGenerator(comfyUI: generator, fallback: procedural) : generator
    }
}

extension Configuration {
    /// The ComfyUI client settings `comfyui:` and `limits.max_comfyui_bytes` describe.
    package var comfyUIClientOptions: ComfyUIClient.Options {
        var options = ComfyUIClient.Options()
        options.requestTimeout = .milliseconds(Int64(comfyUI.requestTimeout * 1000))
        options.connectTimeout = .milliseconds(Int64(comfyUI.connectTimeout * 1000))
        options.promptTimeout = .milliseconds(Int64(comfyUI.promptTimeout * 1000))
        options.retry = RetryPolicy(attempts: comfyUI.retries)
        options.pollInterval = .milliseconds(Int64(comfyUI.pollInterval * 1000))
        options.maxResponseBytes = limits.maxComfyUIBytes
        return options
    }
}
