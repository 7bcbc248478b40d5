import Foundation
import Hummingbird
import BrainStore

/// Liveness and readiness. `/health/live` answers while the process serves at all; `/health` (also
/// `/health/ready`) answers 200 only when pages can be served: the store answers within its deadline, the database is
/// built and holds firms, its integrity check found nothing, and the analytics snapshot is loaded. Otherwise 503 with
/// which check failed and why, so a load balancer stops sending traffic and an operator sees the cause.
/// `?warm=1` also waits for the analytics warm-up (`analytics: "warming"`, 503, until it has ended): pages are served
/// while it runs (`FirstView`), but a test that checks whole heavy pages waits for it.
struct HealthRoutes: Sendable {
    let monitor: HealthMonitor
    var warming: @Sendable () -> Bool = { false }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/health/live") { _, _ in try JSONResponse.ok(["status": "live"]) }
        router.get("/health") { request, _ in try await ready(warm: request.uri.queryParameters.get("warm") == "1") }
        router.get("/health/ready") { request, _ in try await ready(warm: request.uri.queryParameters.get("warm") == "1") }
    }

    func ready(warm: Bool = false) async throws -> Response {
        var report = await monitor.report()
        if warm {
            let warming = warming()
            report.analytics = warming ? "warming" : "warm"
            if warming && report.status == "ok" { report.status = "warming" }
        }
        let response = try JSONResponse.ok(report)
        return report.status == "ok" ? response
            : JSONResponse.response(.serviceUnavailable, data: try JSONResponse.encoder.encode(report))
    }
}

/// Runs the checks behind `/health` with deadlines, one of each in flight at a time, the probe's answer reused for a
/// second (a poller or load balancer cannot turn health checks into load).
final class HealthMonitor: @unchecked Sendable {
    struct Report: Encodable {
        var status: String
        var store: String
        var storeMilliseconds: Double?
        var database: String
        var builtAt: String?
        var readOnly: Bool?
        var integrity: String
        var snapshot: String
        /// Asked with `?warm=1` only: "warming" while the start's warm-up runs, then "warm".
        var analytics: String?
    }

    static let deadlineSeconds = 2.0
    private let store: any Store
    private let loadSnapshot: @Sendable () async throws -> Void
    private let lock = NSLock()
    private var probe: (at: Date, task: Task<StoreProbe, any Error>, started: Date)?
    private var integrity: Task<String?, any Error>?
    private var snapshot: Task<Void, any Error>?
    private var snapshotLoading = false

    init(store: any Store, loadSnapshot: @escaping @Sendable () async throws -> Void) {
        self.store = store
        self.loadSnapshot = loadSnapshot
    }

    /// The three checks run at once under one deadline, so an answer never takes much longer than `deadlineSeconds`.
    func report() async -> Report {
        let (probeTask, probeStarted) = currentProbe()
        let integrityTask = currentIntegrity(), snapshotTask = currentSnapshot()
        let deadline = Date().addingTimeInterval(Self.deadlineSeconds)
        func remaining() -> Double { max(0.05, deadline.timeIntervalSinceNow) }
        var report = Report(status: "ok", store: "ok", database: "ok", integrity: "ok", snapshot: "loaded")
        switch await Self.within(remaining(), probeTask) {
        case .none:
            return Report(status: "unavailable", store: "no answer within \(Self.deadlineSeconds) s", database: "unknown",
                          integrity: "unknown", snapshot: "unknown")
        case .failure(let error)?:
            return Report(status: "unavailable", store: "\(error)", database: "unknown", integrity: "unknown", snapshot: "unknown")
        case .success(let probe)?:
            report.storeMilliseconds = (Date().timeIntervalSince(probeStarted) * 1000).rounded()
            report.builtAt = probe.builtAt
            report.readOnly = probe.readOnly
            if let problem = probe.problem {
                report.status = "empty"
                report.database = problem
            }
        }
        switch await Self.within(remaining(), integrityTask) {
        case .none: report.integrity = "checking"; if report.status == "ok" { report.status = "warming" }
        case .success(nil)?: break
        case .success(let problem?)?: report.integrity = problem; report.status = "damaged"
        case .failure(let error)?:
            report.integrity = "\(error)"; report.status = "damaged"
            lock.withLock { integrity = nil }  // a failed run (a busy database) is tried again on the next call
        }
        guard report.status == "ok" || report.status == "warming" else { report.snapshot = "not loaded"; return report }
        switch await Self.within(remaining(), snapshotTask) {
        case .none: report.snapshot = "loading"; report.status = "warming"
        case .success?: break
        case .failure(let error)?: report.snapshot = "\(error)"; report.status = "damaged"
        }
        return report
    }

    /// The probe started within the last second, or a new one.
    private func currentProbe() -> (Task<StoreProbe, any Error>, Date) {
        lock.withLock {
            if let probe, Date().timeIntervalSince(probe.at) < 1 { return (probe.task, probe.started) }
            let store = self.store, now = Date()
            let task = Task { try await store.probe() }
            probe = (now, task, now)
            return (task, now)
        }
    }

    /// The integrity check runs once per process; a failed run is retried on the next call.
    private func currentIntegrity() -> Task<String?, any Error> {
        lock.withLock {
            if let integrity { return integrity }
            let store = self.store
            let task = Task { try await store.integrityProblem() }
            integrity = task
            return task
        }
    }

    /// Asks the analytics cache for its snapshot (instant once loaded; after an import it loads again), one request
    /// in flight at a time.
    private func currentSnapshot() -> Task<Void, any Error> {
        lock.withLock {
            if let snapshot, snapshotLoading { return snapshot }
            let load = loadSnapshot
            snapshotLoading = true
            let task = Task {
                defer { self.lock.withLock { self.snapshotLoading = false } }
                try await load()
            }
            snapshot = task
            return task
        }
    }

    /// The task's result if it finishes within `seconds`, else nil; the task goes on either way.
    static func within<Value: Sendable>(_ seconds: Double, _ task: Task<Value, any Error>) async -> Result<Value, any Error>? {
        let first = FirstAnswer<Result<Value, any Error>?>()
        return await withCheckedContinuation { continuation in
            first.wait(continuation)
            Task { first.answer(await task.result) }
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                first.answer(nil)
            }
        }
    }
}

/// Resumes a continuation with whichever answer comes first; later answers are dropped.
private final class FirstAnswer<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, Never>?

    func wait(_ continuation: CheckedContinuation<Value, Never>) { lock.withLock { self.continuation = continuation } }

    func answer(_ value: Value) {
        let waiting = lock.withLock { () -> CheckedContinuation<Value, Never>? in
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(returning: value)
    }
}
