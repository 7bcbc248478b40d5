import Foundation
import Logging
import BrainAnalytics
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

/// The analytics read model of a running server: the current `AnalyticsGeneration` (a snapshot of the store and what
/// is computed from it). After an import `refresh` builds the next generation off to the side — loaded, and warmed
/// when the server warms — while readers go on with the current one, then swaps it in at once. No reader waits for a
/// rebuild, and none sees half of one.
final class AnalyticsCache: @unchecked Sendable {
    typealias LevelKey = AnalyticsGeneration.LevelKey

    /// Reads a snapshot of the store (the store's own in the server; tests hold it back to see a rebuild under way).
    private let snapshot: @Sendable () async throws -> DataBundle
    private let dataFolder: URL?
    /// Where the heaviest analyses are kept between starts (nil: memory only).
    private let disk: AnalyticsDiskCache?
    private let warms: Bool
    private let logger: Logger
    private let lock = NSLock()
    private var current: AnalyticsGeneration?
    /// The start's warm-up has ended (done or failed): from then on pages wait for what they need (`FirstView`).
    private var warmed = false
    private var generations = 0
    /// The first load while it runs (not kept after: a finished task would hold the first generation for good).
    private var loading: Task<AnalyticsGeneration, any Error>?
    /// The refresh in progress: refreshes run one after another, each reading the store after the one before.
    private var refreshing: Task<Void, Never>?
    /// Runs on a new generation before it is swapped in, with the one it replaces (pages rebuild what was in use).
    private var prepare: (@Sendable (_ new: AnalyticsGeneration, _ old: AnalyticsGeneration?) async -> Void)?

    /// `warms`: a new generation computes the common analyses before it is swapped in (and the first one in the
    /// background after it is loaded), as `brain serve` does; tests need not.
    convenience init(store: any Store, dataFolder: URL? = nil, disk: AnalyticsDiskCache? = nil, warms: Bool = false,
                     logger: Logger = Logger(label: "IndustryBrain")) {
        self.init(snapshot: { try await store.snapshot() }, dataFolder: dataFolder, disk: disk, warms: warms, logger: logger)
    }

    init(snapshot: @escaping @Sendable () async throws -> DataBundle, dataFolder: URL? = nil, disk: AnalyticsDiskCache? = nil,
         warms: Bool = false, logger: Logger = Logger(label: "IndustryBrain")) {
        self.snapshot = snapshot
        self.dataFolder = dataFolder
        self.disk = disk
        self.warms = warms
        self.logger = logger
    }

    /// The generation readers use now (the first is loaded on first use).
    func generation() async throws -> AnalyticsGeneration {
        if let current = lock.withLock({ current }) { return current }
        let task = lock.withLock { () -> Task<AnalyticsGeneration, any Error> in
            if let loading { return loading }
            let started = Task { [self] in try await load() }
            loading = started
            return started
        }
        do {
            let loaded = try await task.value
            return lock.withLock {
                if current == nil { current = loaded }
                if loading == task { loading = nil }
                return current ?? loaded
            }
        } catch {
            lock.withLock { if loading == task { loading = nil } }
            throw error
        }
    }

    func beforeSwap(_ work: @escaping @Sendable (_ new: AnalyticsGeneration, _ old: AnalyticsGeneration?) async -> Void) {
        lock.withLock { prepare = work }
    }

    /// True while `brain serve`'s first warm-up runs: heavy pages are then served at once with placeholders their
    /// script fills (`FirstView`), and `/health?warm=1` answers 503. False for a cache that does not warm.
    var isWarming: Bool { warms && !lock.withLock { warmed } }

    /// Loads the first generation and warms it in the background (`brain serve`): pages are served while it warms,
    /// each waiting only for the analyses it needs.
    func start() {
        guard warms else { return }
        Task { [self] in
            do {
                let started = Date()
                // Loaded first as a request would (readiness waits for it), then warmed in the background: a visitor's
                // page computes what it needs ahead of the rest (`HeavyPriority`).
                let first = try await generation()
                try await HeavyPriority.$current.withValue(HeavyPriority()) { try await first.warm() }
                logger.info("analytics warmed in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
                lock.withLock { warmed = true }
                // Kept for the next start (issue 14), after the warm-up so that no page waits for the writing.
                await keep(first)
            } catch {
                // Pages then compute what they need themselves, as they would after the warm-up.
                lock.withLock { warmed = true }
                logger.warning("warming the analytics cache failed: \(error)")
            }
        }
    }

    /// Makes the next generation from the store (after an import) and swaps it in when it is ready. A server that
    /// warms returns at once (the importer need not wait seconds for analyses; pages move to the new data when they
    /// are computed); one that does not returns once the new snapshot is in, so the next request sees it. If it cannot
    /// be built, readers keep the current one.
    func refresh() async {
        let task = lock.withLock { () -> Task<Void, Never> in
            let previous = refreshing
            let next = Task { [self] in
                await previous?.value
                do {
                    let started = Date()
                    // Readers keep the current generation meanwhile: the next one is built in the background.
                    let made = try await HeavyPriority.$current.withValue(HeavyPriority()) {
                        let made = try await load()
                        if warms { try await made.warm() }
                        let (prepare, old) = lock.withLock { (self.prepare, current) }
                        await prepare?(made, old)
                        return made
                    }
                    lock.withLock { current = made }
                    logger.info("analytics generation \(made.number) swapped in after \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
                    if warms { await keep(made) }
                } catch {
                    logger.warning("rebuilding the analytics after an import failed; pages keep the data before it: \(error)")
                }
            }
            refreshing = next
            return next
        }
        if !warms { await task.value }
    }

    /// Writes what the generation computed to the disk cache for the next start, in the background; a failure only
    /// means the next start computes it again.
    private func keep(_ generation: AnalyticsGeneration) async {
        do {
            try await HeavyPriority.$current.withValue(HeavyPriority()) { try await generation.persist() }
        } catch {
            logger.warning("keeping the analytics for the next start failed: \(error)")
        }
    }

    private func load() async throws -> AnalyticsGeneration {
        let started = Date()
        do {
            let made = try await loadGeneration()
            ServerMetrics.analyticsRebuilt(seconds: Date().timeIntervalSince(started), succeeded: true)
            return made
        } catch {
            ServerMetrics.analyticsRebuilt(seconds: Date().timeIntervalSince(started), succeeded: false)
            throw error
        }
    }

    private func loadGeneration() async throws -> AnalyticsGeneration {
        let bundle = try await snapshot()
        let number = lock.withLock { () -> Int in
            generations += 1
            return generations
        }
        // The product's figures count the listed firms: imports and registers count only where a page chooses them.
        return try await AnalyticsGeneration.make(bundle: bundle, layers: .listed, number: number, dataFolder: dataFolder, disk: disk)
    }

    /// The current generation counting `layers` (the default one for the listed layer alone).
    func generation(layers: LayerSet) async throws -> AnalyticsGeneration { try await generation().layered(layers) }

    // The current generation's analyses, for routes that need one thing from it.
    func index() async throws -> SnapshotIndex { try await generation().index }
    func analysis(level: RegionLevel, measure: Measure = .firms, threshold: Double = 1) async throws -> LevelAnalysis {
        try await generation().analysis(level: level, measure: measure, threshold: threshold)
    }
    func nodeLinks() async throws -> NodeLinks { try await generation().nodeLinks() }
    func productLinks() async throws -> ProductLinks { try await generation().productLinks() }
    func enterpriseQuality() async throws -> EnterpriseQuality { try await generation().enterpriseQuality() }
    func productGraph() async throws -> ProductGraph { try await generation().productGraph() }
    func investmentTargets(level: RegionLevel) async throws -> InvestmentTargets { try await generation().investmentTargets(level: level) }
    func serviceOffers() async throws -> ServiceOffers { try await generation().serviceOffers() }
    func demandMatching() async throws -> DemandMatching { try await generation().demandMatching() }
    func policyMatcher() async throws -> PolicyMatcher { try await generation().policyMatcher() }
    func innovationIndex(level: RegionLevel, years: ClosedRange<Int>) async throws -> IndexResult {
        try await generation().innovationIndex(level: level, years: years)
    }
}
