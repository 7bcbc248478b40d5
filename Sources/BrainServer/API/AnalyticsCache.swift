import Foundation
import BrainAnalytics
import BrainIngest
import BrainModel
import BrainStore

/// The analytics read model of a running server: the snapshot is read from the store once, and each level's matrices
/// and complexity are computed on first use and kept (the store is read-only while serving).
actor AnalyticsCache {
    struct LevelKey: Hashable { var level: RegionLevel; var measure: Measure; var threshold: Double }

    private let store: any Store
    private var loaded: SnapshotIndex?
    private var levels: [LevelKey: LevelAnalysis] = [:]
    private var links: NodeLinks?
    private var quality: EnterpriseQuality?
    private var graph: ProductGraph?
    private var indices: [String: IndexResult] = [:]
    private var targets: [RegionLevel: InvestmentTargets] = [:]
    private var offers: ServiceOffers?
    private var matching: DemandMatching?

    private let dataFolder: URL?
    private var policies: PolicyMatcher?

    init(store: any Store, dataFolder: URL? = nil) {
        self.store = store
        self.dataFolder = dataFolder
    }

    /// Policy matching with the clauses' rules from `policies/eligibility.json` in the data folder.
    func policyMatcher() async throws -> PolicyMatcher {
        if let policies { return policies }
        let index = try await index()
        let rules = try dataFolder.map { try PolicyRulesLoader.load(dataFolder: $0, policies: index.data.policies) } ?? []
        let built = PolicyMatcher(index, rules: rules, asOf: String(ISO8601DateFormatter().string(from: Date()).prefix(10)))
        policies = built
        return built
    }

    /// Forgets everything computed: the next request reads a fresh snapshot (after an import).
    func reset() {
        loaded = nil
        levels = [:]
        links = nil
        quality = nil
        graph = nil
        indices = [:]
        targets = [:]
        policies = nil
        offers = nil
        matching = nil
    }

    func index() async throws -> SnapshotIndex {
        if let loaded { return loaded }
        let index = SnapshotIndex(try await store.snapshot())
        loaded = index
        return index
    }

    func analysis(level: RegionLevel, measure: Measure = .firms, threshold: Double = 1) async throws -> LevelAnalysis {
        let key = LevelKey(level: level, measure: measure, threshold: threshold)
        if let cached = levels[key] { return cached }
        let analysis = LevelAnalysis(try await index(), level: level, measure: measure, threshold: threshold)
        levels[key] = analysis
        return analysis
    }

    func nodeLinks() async throws -> NodeLinks {
        if let links { return links }
        let built = NodeLinks(try await index())
        links = built
        return built
    }

    func enterpriseQuality() async throws -> EnterpriseQuality {
        if let quality { return quality }
        let built = EnterpriseQuality(try await index(), city: try await analysis(level: .city))
        quality = built
        return built
    }

    func productGraph() async throws -> ProductGraph {
        if let graph { return graph }
        let built = ProductGraph(try await index())
        graph = built
        return built
    }

    /// The 招商 ranking at `level` (product links and quality scores built once).
    func investmentTargets(level: RegionLevel) async throws -> InvestmentTargets {
        if let cached = targets[level] { return cached }
        let built = InvestmentTargets(try await analysis(level: level),
                                      links: FirmLinks(try await index(), graph: try await productGraph()), quality: try await enterpriseQuality())
        targets[level] = built
        return built
    }

    /// Service offers derived from firms on service nodes.
    func serviceOffers() async throws -> ServiceOffers {
        if let offers { return offers }
        let built = ServiceOffers(try await index(), quality: try await enterpriseQuality())
        offers = built
        return built
    }

    /// Demands matched to offers and talents (the market records are passed per request: they change without a rebuild).
    func demandMatching() async throws -> DemandMatching {
        if let matching { return matching }
        let built = DemandMatching(try await index(), offers: try await serviceOffers())
        matching = built
        return built
    }

    /// The regional innovation index of every region at `level` over `years` (Monte Carlo rank bands included).
    func innovationIndex(level: RegionLevel, years: ClosedRange<Int>) async throws -> IndexResult {
        let key = "\(level.rawValue)/\(years.lowerBound)-\(years.upperBound)"
        if let cached = indices[key] { return cached }
        let snapshot = try await index()
        // Off the actor: the Monte Carlo rank bands of ~3,000 districts take seconds, and other requests must not wait.
        let result = try await Task.detached {
            try CompositeIndex.compute(RegionInnovationIndex.table(snapshot, level: level, years: years), spec: RegionInnovationIndex.defaultSpec)
        }.value
        indices[key] = result
        return result
    }

    /// Computes what the first page views need (province and city analyses and indices, chain links, the product
    /// graph, quality scores), so that a user's first click does not pay for it.
    func warm() async throws {
        for level in [RegionLevel.province, .city] {
            _ = try await analysis(level: level)
            _ = try await innovationIndex(level: level, years: RegionReport.indexYears)
        }
        _ = try await nodeLinks()
        _ = try await productGraph()
        _ = try await enterpriseQuality()
        _ = try await investmentTargets(level: .city)
        // Last, as it takes longest (seconds in a release build): districts are a click away on the overview map.
        _ = try await innovationIndex(level: .district, years: RegionReport.indexYears)
    }
}
