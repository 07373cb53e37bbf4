import Metrics

/// Every metric the server exports: names (`dgx_pixels_…`), labels, types and histogram buckets, here and nowhere else.
///
/// Call sites make one call each; docs/http.md lists the metrics and docs/grafana/ charts them.
///
/// Metrics go to whatever factory `MetricsSystem` has: the Prometheus registry `serve` bootstraps when it exports
/// `/metrics`, a task-local one in tests (`withMetricsFactory`), or none (no cost but an allocation per call). Label
/// values come from the server's own vocabulary (engine names, configured backend URLs, job statuses, MCP method
/// names the server knows), never from free client input, so the number of series stays bounded.
package enum EngineMetrics {
    package static let jobs = "dgx_pixels_jobs_total"
    package static let items = "dgx_pixels_items_total"
    package static let generation = "dgx_pixels_generation_seconds"
    package static let backendBusy = "dgx_pixels_backend_busy"
    package static let backendQueued = "dgx_pixels_backend_queue_depth"
    package static let backendUp = "dgx_pixels_backend_up"
    package static let backendWaiting = "dgx_pixels_backend_waiting"
    package static let cacheHits = "dgx_pixels_cache_hits_total"
    package static let cacheMisses = "dgx_pixels_cache_misses_total"
    package static let deploys = "dgx_pixels_deploys_total"
    package static let validationFailures = "dgx_pixels_validation_failures_total"
    package static let sessions = "dgx_pixels_sessions_active"
    package static let requests = "dgx_pixels_request_seconds"

    /// Every name above, for documentation and tests.
    package static let names = [
        jobs, items, generation, backendBusy, backendQueued, backendUp, backendWaiting, cacheHits, cacheMisses,
        deploys, validationFailures, sessions, requests,
    ]

    /// Histogram buckets per timer: a sprite takes milliseconds procedurally and up to minutes on ComfyUI; an MCP
    /// request is answered in microseconds (`tools/list`) or waits up to `generation.wait_seconds`.
    package static let histogramBuckets: [String: [Duration]] = [
        generation: [
            .milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
            .seconds(60), .seconds(120), .seconds(300),
        ],
        requests: [
            .microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(25),
            .milliseconds(100), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
            .seconds(30), .seconds(60),
        ],
    ]

    /// Where a PNG failed validation.
    package enum ValidationStage: String, Sendable {
        /// A sprite the engine made broke its own rules (size, palette, alpha): the item fails.
        case generate
        /// A deploy refused a PNG it was asked to copy.
        case deploy
        /// `validate_sprite` reported a PNG invalid.
        case validate
    }

    /// A job closed with `status` (succeeded, partial, failed, cancelled).
    package static func jobClosed(status: String) {
        Counter(label: jobs, dimensions: [("status", status)]).increment()
    }

    /// One item of a job finished: counts it by engine and outcome, and times what was generated (not cache hits).
    package static func itemFinished(_ outcome: Result<SpriteResult, SpriteEngineError>, engine fallback: String) {
        switch outcome {
        case .success(let sprite):
            let cached = sprite.cached == true
            Counter(label: items, dimensions: [("engine", sprite.engine), ("status", cached ? "cached" : "succeeded")])
                .increment()
            guard !cached else { return }
            Timer(label: generation, dimensions: [("engine", sprite.engine), ("backend", sprite.backend ?? "local")])
                .recordMilliseconds(sprite.timings.generateMS)
        case .failure(let error):
            let status: String
            switch error {
            case .cancelled: status = "cancelled"
            case .invalidSprite:
                status = "failed"
                validationFailed(.generate)
            default: status = "failed"
            }
            Counter(label: items, dimensions: [("engine", fallback), ("status", status)]).increment()
        }
    }

    /// A cache lookup found a sprite made before (`hit`) or nothing.
    package static func cacheLookup(hit: Bool) {
        Counter(label: hit ? cacheHits : cacheMisses).increment()
    }

    /// A ComfyUI backend's load: prompts running on it, prompts waiting in its own queue, and whether it is usable
    /// (not in a failure backoff).
    package static func backend(_ url: String, running: Int, queued: Int, up: Bool) {
        Gauge(label: backendBusy, dimensions: [("backend", url)]).record(running)
        Gauge(label: backendQueued, dimensions: [("backend", url)]).record(queued)
        Gauge(label: backendUp, dimensions: [("backend", url)]).record(up ? 1 : 0)
    }

    /// Prompts waiting for a free slot on any backend.
    package static func backendsWaiting(_ count: Int) {
        Gauge(label: backendWaiting).record(count)
    }

    /// A deploy finished: `deployed`, `dry_run` or `failed`.
    package static func deployFinished(status: String) {
        Counter(label: deploys, dimensions: [("status", status)]).increment()
    }

    /// A PNG failed validation at `stage`.
    package static func validationFailed(_ stage: ValidationStage) {
        Counter(label: validationFailures, dimensions: [("stage", stage.rawValue)]).increment()
    }

    /// An MCP session began (`opened`) or ended on `transport` (`stdio`, `http`).
    package static func session(opened: Bool, transport: String) {
        let meter = Meter(label: sessions, dimensions: [("transport", transport)])
        if opened { meter.increment() } else { meter.decrement() }
    }

    /// An MCP request was answered (or cancelled) `duration` after it arrived.
    package static func requestAnswered(method: String, after duration: Duration) {
        Timer(label: requests, dimensions: [("method", method)]).record(duration: duration)
    }
}
