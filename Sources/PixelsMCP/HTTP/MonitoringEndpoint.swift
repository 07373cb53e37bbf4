import Foundation
import MCP
import Prometheus
import SpriteEngine

/// `/metrics` (Prometheus text format 0.0.4, every metric `EngineMetrics` defines) and `/healthz` (JSON: ready,
/// engine, backends up/total; 503 while not ready).
struct MonitoringEndpoint: Sendable {
    static let metricsPath = "/metrics"
    static let healthPath = "/healthz"

    let registry: PrometheusCollectorRegistry
    let engine: GenerationEngine

    func metrics(_ request: HTTPRequest, responder: HTTPResponder) {
        guard request.method == "GET" else {
            return responder.reply(
                HTTPRouter.methodNotAllowed(request.method, path: Self.metricsPath, allowed: ["GET"])
            )
        }
        var text: [UInt8] = []
        registry.emit(into: &text)
        responder.reply(
            HTTPReply(
                status: .ok,
                headers: [("Content-Type", "text/plain; version=0.0.4; charset=utf-8")],
                body: Data(text)
            )
        )
    }

    func health(_ request: HTTPRequest, responder: HTTPResponder) {
        guard request.method == "GET" else {
            return responder.reply(HTTPRouter.methodNotAllowed(request.method, path: Self.healthPath, allowed: ["GET"]))
        }
        let engine = self.engine
        Task {
            let health = await engine.health()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = (try? encoder.encode(health)) ?? Data(#"{"ready":false}"#.utf8)
            responder.reply(.json(body, status: health.ready ? .ok : .serviceUnavailable))
        }
    }
}
