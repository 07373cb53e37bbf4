/// What `/healthz` reports: whether generate calls can be served now, by which engine, on how many backends.
package struct EngineHealth: Sendable, Equatable, Encodable {
    /// ComfyUI backends usable now (not in a failure backoff) out of those configured.
    package struct Backends: Sendable, Equatable, Encodable {
        package var up: Int
        package var total: Int
    }

    /// True when a generate call would be served: always for `procedural` and `auto` (which falls back to the
    /// procedural engine), for `comfyui` only while a backend is up.
    package var ready: Bool
    package var engine: String
    package var backends: Backends

    package init(engine: String, statuses: [BackendPool.Status]) {
        self.engine = engine
        let up = statuses.filter(\.healthy).count
        backends = Backends(up: up, total: statuses.count)
        ready = engine != "comfyui" || up > 0
    }
}

extension GenerationEngine {
    /// The engine's health as the backend pool last saw it (no request is sent to ComfyUI).
    package nonisolated func health() async -> EngineHealth {
        EngineHealth(engine: engineName, statuses: await pipeline.generator.backendStatuses())
    }
}
