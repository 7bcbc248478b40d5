import Foundation
import BrainModel
import Metrics
import Prometheus

/// The server's Prometheus registry and the product's own measurements (requests by route come from Hummingbird's
/// MetricsMiddleware). swift-metrics takes one backend per process, so the registry is bootstrapped once, on first
/// use, and shared by every application the process builds (tests build many).
enum ServerMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Bootstraps the registry before the first request records anything.
    static func start() { _ = registry }

    /// Lookups in the cache of encoded API bodies. Made once (after the bootstrap): a lookup is on every cached request,
    /// and making a counter asks the registry under its lock.
    private static let responseCacheCounters: (hit: Metrics.Counter, miss: Metrics.Counter) = {
        start()
        func counter(_ result: String) -> Metrics.Counter {
            Counter(label: "brain_cache_lookups_total", dimensions: [("cache", "response"), ("result", result)])
        }
        return (counter("hit"), counter("miss"))
    }()

    static func responseCacheLookup(hit: Bool) {
        (hit ? responseCacheCounters.hit : responseCacheCounters.miss).increment()
    }

    /// Rows an import wrote, by kind and outcome (created, updated, review, rejected).
    static func importRows(kind: String, outcome: String, count: Int) {
        guard count > 0 else { return }
        Counter(label: "brain_import_rows_total", dimensions: [("kind", kind), ("outcome", outcome)]).increment(by: count)
    }

    /// One import's rows by outcome.
    static func imported(kind: String, outcome: ImportOutcome, rejected: Int) {
        for (name, count) in [("created", outcome.created), ("updated", outcome.updated), ("unchanged", outcome.unchanged),
                              ("history", outcome.history), ("review", outcome.review), ("rejected", rejected)] {
            importRows(kind: kind, outcome: name, count: count)
        }
    }

    /// An audit entry that could not be recorded after its write succeeded (the write stands; someone must look).
    static func auditFailed(action: String) {
        start()
        Counter(label: "brain_audit_failures_total", dimensions: [("action", action)]).increment()
    }

    /// How long building the next analytics generation took (after start or an import).
    static func analyticsRebuilt(seconds: Double, succeeded: Bool) {
        Timer(label: "brain_analytics_rebuild_seconds", dimensions: [("result", succeeded ? "ok" : "failed")],
              preferredDisplayUnit: .seconds).recordNanoseconds(Int64(max(0, seconds) * 1e9))
    }

    /// The registry in Prometheus' text exposition format.
    static func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 << 10)
        registry.emit(into: &buffer)
        return buffer
    }
}
