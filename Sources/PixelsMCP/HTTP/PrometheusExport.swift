import Metrics
import Prometheus
import SpriteEngine
import Synchronization

/// The Prometheus registry `/metrics` shows, and the swift-metrics factory that fills it.
package enum PrometheusExport {
    private static let bootstrapped = Mutex<PrometheusCollectorRegistry?>(nil)

    /// Points the process's swift-metrics at a Prometheus registry (once; later calls return the same registry).
    package static func bootstrap() -> PrometheusCollectorRegistry {
        bootstrapped.withLock { registry in
            if let registry { return registry }
            let created = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(factory(for: created))
            registry = created
            return created
        }
    }

    /// A factory writing into `registry`, with the histogram buckets `EngineMetrics` defines (tests use their own
    /// registry through `withMetricsFactory`).
    package static func factory(for registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = EngineMetrics.histogramBuckets
        return factory
    }
}
