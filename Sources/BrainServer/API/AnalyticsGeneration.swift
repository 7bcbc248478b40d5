import Foundation
import BrainAnalytics
import BrainIngest
import BrainModel

/// One snapshot of the store and everything computed from it: the analyses (each computed once, on first use or by
/// `warm`, off the request threads) and the pages and search answers built from them. Never changes once made; an
/// import makes a new generation beside it and `AnalyticsCache` swaps that in when it is ready, so a reader holds one
/// consistent generation for its whole request and the old one's memory goes with its last reader.
final class AnalyticsGeneration: Sendable {
    struct LevelKey: Hashable, Sendable { var level: RegionLevel; var measure: Measure; var threshold: Double }

    let index: SnapshotIndex
    /// Counts up from 1 with each swap (tests and logs tell generations apart by it).
    let number: Int
    /// The layers `index` counts (the listed firms unless a page chose more): every cache below is per layer set,
    /// since each generation of another set is a sibling with caches of its own.
    let layers: LayerSet
    /// The whole snapshot, every layer, from which siblings for other layer sets are made.
    let bundle: DataBundle
    private let dataFolder: URL?
    private let siblings = OnceMap<LayerSet, AnalyticsGeneration>(capacity: maxSiblings)
    /// Layer sets beyond this many are computed for the request and not kept (each set holds its own analyses).
    static let maxSiblings = 8

    // Bounded (issue 14): a threshold, a span of years or a region code comes from the request, and each value would
    // otherwise keep an analysis over every region; the pages' own keys are few and stay in use.
    private let levels = OnceMap<LevelKey, LevelAnalysis>(capacity: 24)
    private let links = OnceCell<NodeLinks>()
    private let quality = OnceCell<EnterpriseQuality>()
    private let graph = OnceCell<ProductGraph>()
    private let vettedLinks = OnceCell<ProductLinks>()
    private let indices = OnceMap<String, IndexResult>(capacity: 12)
    private let targets = OnceMap<RegionLevel, InvestmentTargets>(capacity: RegionLevel.allCases.count)
    private let offers = OnceCell<ServiceOffers>()
    private let matching = OnceCell<DemandMatching>()
    private let policies = OnceCell<PolicyMatcher>()

    /// Region reports by code (the struct, so a page view neither rebuilds nor decodes one); the most recently viewed
    /// `maxRegionReports` (a client walking every code must not hold ~3,500 reports).
    let regionReports = OnceMap<String, RegionReportEntry>(capacity: maxRegionReports)
    static let maxRegionReports = 600
    /// Rendered region pages by code and the talent demand the viewer sees.
    let regionPages = makeRegionPageCache()
    /// `/api/search` bodies and `/search` pages by query.
    let searches = makeSearchCache()
    static func makeRegionPageCache() -> ResponseCache { ResponseCache(capacity: 4_000, maxBytes: 96 << 20) }
    static func makeSearchCache() -> ResponseCache { ResponseCache(capacity: 5_000, maxBytes: 32 << 20) }

    init(bundle: DataBundle, layers: LayerSet = .listed, index: SnapshotIndex, number: Int, dataFolder: URL?) {
        self.bundle = bundle
        self.layers = layers
        self.index = index
        self.number = number
        self.dataFolder = dataFolder
    }

    /// A generation counting `layers` of `bundle` (its index built off the request threads).
    static func make(bundle: DataBundle, layers: LayerSet, number: Int, dataFolder: URL?) async throws -> AnalyticsGeneration {
        let index = try await HeavyWork.run("snapshot index (\(layers))") { SnapshotIndex(bundle.restricted(to: layers)) }
        return AnalyticsGeneration(bundle: bundle, layers: layers, index: index, number: number, dataFolder: dataFolder)
    }

    /// The generation of the same snapshot counting `layers` instead (this one when they are its own).
    func layered(_ layers: LayerSet) async throws -> AnalyticsGeneration {
        if layers == self.layers { return self }
        let make = { @Sendable [bundle, number, dataFolder] in
            try await AnalyticsGeneration.make(bundle: bundle, layers: layers, number: number, dataFolder: dataFolder)
        }
        let kept = siblings.keys
        guard kept.contains(layers) || kept.count < Self.maxSiblings else { return try await make() }
        return try await siblings.value(layers, make)
    }

    deinit { MemoryTrim.soon() }

    func analysis(level: RegionLevel, measure: Measure = .firms, threshold: Double = 1) async throws -> LevelAnalysis {
        try await levels.value(LevelKey(level: level, measure: measure, threshold: threshold)) { [index] in
            try await HeavyWork.run("\(level.rawValue) analysis (\(measure.rawValue))") { LevelAnalysis(index, level: level, measure: measure, threshold: threshold) }
        }
    }

    func nodeLinks() async throws -> NodeLinks {
        try await links.value { [self] in
            let products = try await productLinks()
            return try await HeavyWork.run("chain node links") { NodeLinks(products) }
        }
    }

    /// The vetted product links every consumer uses (suppliers, customers, 招商 reasons, 延链, main products).
    func productLinks() async throws -> ProductLinks {
        try await vettedLinks.value { [index] in try await HeavyWork.run("vetted product links") { ProductLinks(index) } }
    }

    func enterpriseQuality() async throws -> EnterpriseQuality {
        try await quality.value { [self] in
            let city = try await analysis(level: .city)
            return try await HeavyWork.run("enterprise quality") { EnterpriseQuality(self.index, city: city) }
        }
    }

    func productGraph() async throws -> ProductGraph {
        try await graph.value { [index] in try await HeavyWork.run("product graph") { ProductGraph(index) } }
    }

    /// The 招商 ranking at `level` (product links and quality scores built once).
    func investmentTargets(level: RegionLevel) async throws -> InvestmentTargets {
        try await targets.value(level) { [self] in
            async let analysis = analysis(level: level)
            async let links = productLinks()
            async let quality = enterpriseQuality()
            async let chain = nodeLinks()
            let (a, l, q, c) = try await (analysis, links, quality, chain)
            return try await HeavyWork.run("\(level.rawValue) investment targets") {
                InvestmentTargets(a, links: FirmLinks(self.index, links: l), quality: q, nodeLinks: c)
            }
        }
    }

    /// Service offers derived from firms on service nodes.
    func serviceOffers() async throws -> ServiceOffers {
        try await offers.value { [self] in
            let quality = try await enterpriseQuality()
            return try await HeavyWork.run("service offers") { ServiceOffers(self.index, quality: quality) }
        }
    }

    /// Demands matched to offers and talents (the market records are passed per request: they change without a rebuild).
    func demandMatching() async throws -> DemandMatching {
        try await matching.value { [self] in
            let offers = try await serviceOffers()
            return try await HeavyWork.run("demand matching") { DemandMatching(self.index, offers: offers) }
        }
    }

    /// Policy matching with the clauses' rules from `policies/eligibility.json` in the data folder.
    func policyMatcher() async throws -> PolicyMatcher {
        try await policies.value { [index, dataFolder] in
            try await HeavyWork.run("policy matcher") {
                let rules = try dataFolder.map { try PolicyRulesLoader.load(dataFolder: $0, policies: index.data.policies) } ?? []
                return PolicyMatcher(index, rules: rules, asOf: String(ISO8601DateFormatter().string(from: Date()).prefix(10)))
            }
        }
    }

    /// The regional innovation index of every region at `level` over `years` (Monte Carlo rank bands included).
    func innovationIndex(level: RegionLevel, years: ClosedRange<Int>) async throws -> IndexResult {
        try await indices.value("\(level.rawValue)/\(years.lowerBound)-\(years.upperBound)") { [index] in
            try await HeavyWork.run("\(level.rawValue) innovation index") {
                try CompositeIndex.compute(RegionInnovationIndex.table(index, level: level, years: years), spec: RegionInnovationIndex.defaultSpec)
            }
        }
    }

    /// Starts, side by side, the analyses a region page at `level` needs (issue 14). The page awaits them one after
    /// another; each started here is the one it then awaits (`OnceCell`), so right after a start the page waits for
    /// the longest of them instead of their sum (the innovation index beside the product links and 招商 targets).
    /// Runs at the request's priority; what finishes after the page stays cached, as the warm-up would have left it.
    func startRegionPage(level: RegionLevel) {
        Task { [self] in
            async let links: Void = { _ = try? await nodeLinks() }()
            async let index: Void = { _ = try? await innovationIndex(level: level, years: RegionReport.indexYears) }()
            async let targets: Void = { _ = try? await investmentTargets(level: level) }()
            async let offers: Void = { _ = try? await serviceOffers() }()
            _ = await (links, index, targets, offers)
        }
    }

    /// Computes what page views need, in two lanes (two cores): first the heavy parts every page family shares — the
    /// vetted product links (region pages: gaps, chokepoints, 招商 targets) beside the product graph (search, chain
    /// explorer) — then what a city's region page needs (the default region is a city), then provinces, then districts.
    /// Runs in the background (`HeavyPriority`): a visitor's page computes what it needs ahead of this.
    func warm() async throws {
        async let pages: Void = warmPageAnalyses()
        async let indices: Void = warmIndices()
        _ = try await (pages, indices)
    }

    private func warmPageAnalyses() async throws {
        _ = try await nodeLinks()
        for level in [RegionLevel.city, .province, .district] {
            _ = try await analysis(level: level)
            if level == .city { _ = try await serviceOffers() }
            _ = try await investmentTargets(level: level)
        }
    }

    private func warmIndices() async throws {
        _ = try await productGraph()
        for level in [RegionLevel.city, .province, .district] {
            _ = try await innovationIndex(level: level, years: RegionReport.indexYears)
        }
    }
}

/// A region's report and its JSON, built once per generation.
struct RegionReportEntry: Sendable {
    let report: RegionReport
    let json: Data
}
