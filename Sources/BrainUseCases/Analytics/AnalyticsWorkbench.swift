import Foundation
import BrainAnalytics
import BrainIngest
import BrainModel

/// What a front end keeps beside one workbench and drops with it (the server's rendered pages and search answers);
/// made anew for each workbench, so it never outlives its snapshot.
public protocol WorkbenchExtras: Sendable { init() }

/// Nothing kept beside the analyses (the CLI).
public struct NoExtras: WorkbenchExtras { public init() {} }

/// One analysis at a region level, as the workbench keeps it.
public struct AnalysisKey: Hashable, Sendable {
    public var level: RegionLevel
    public var measure: Measure
    public var threshold: Double
    public init(level: RegionLevel, measure: Measure, threshold: Double) {
        self.level = level
        self.measure = measure
        self.threshold = threshold
    }
}

/// The span of years the regional innovation index of region pages and the warm-up covers.
public enum InnovationIndexYears {
    public static let standard = 2019...2023
}

/// One snapshot of the store and every analysis computed from it, each built here and nowhere else, at most once, on
/// first use or by `warm`, off the request threads (`HeavyWork`). The server keeps one per generation (its
/// `AnalyticsGeneration`, with the page caches as `Extras`) and swaps in the next after an import; the CLI makes one
/// per command. Never changes once made, so a reader holds one consistent snapshot for as long as it needs it.
public final class AnalyticsWorkbench<Extras: WorkbenchExtras>: Sendable {
    public typealias LevelKey = AnalysisKey

    public let index: SnapshotIndex
    /// Counts up from 1 with each swap (tests and logs tell generations apart by it).
    public let number: Int
    /// The layers `index` counts (the listed firms unless a page chose more): every cache below is per layer set,
    /// since each workbench of another set is a sibling with caches of its own.
    public let layers: LayerSet
    /// The whole snapshot, every layer, from which siblings for other layer sets are made.
    public let bundle: DataBundle
    /// What the front end keeps with this snapshot.
    public let extras: Extras
    private let dataFolder: URL?
    /// Where the heaviest analyses are kept between starts (the server's default layers; nil: memory only).
    let disk: AnalyticsDiskCache?
    let diskFingerprint = OnceCell<String>()
    let loadedFromDisk = LockedNames()
    private let siblings = OnceMap<LayerSet, AnalyticsWorkbench>(capacity: maxSiblings)
    /// Layer sets beyond this many are computed for the request and not kept (each set holds its own analyses).
    public static var maxSiblings: Int { 8 }

    // Bounded (issue 14): a threshold, a span of years or a region code comes from the request, and each value would
    // otherwise keep an analysis over every region; the pages' own keys are few and stay in use.
    private let levels = OnceMap<AnalysisKey, LevelAnalysis>(capacity: 24)
    private let links = OnceCell<NodeLinks>()
    private let quality = OnceCell<EnterpriseQuality>()
    private let graph = OnceCell<ProductGraph>()
    private let vettedLinks = OnceCell<ProductLinks>()
    private let indices = OnceMap<String, IndexResult>(capacity: 12)
    private let targets = OnceMap<RegionLevel, InvestmentTargets>(capacity: RegionLevel.allCases.count)
    private let offers = OnceCell<ServiceOffers>()
    private let matching = OnceCell<DemandMatching>()
    private let policies = OnceCell<PolicyMatcher>()

    public init(bundle: DataBundle, layers: LayerSet = .listed, index: SnapshotIndex, number: Int = 1, dataFolder: URL? = nil,
                disk: AnalyticsDiskCache? = nil) {
        self.disk = disk
        self.bundle = bundle
        self.layers = layers
        self.index = index
        self.number = number
        self.dataFolder = dataFolder
        self.extras = Extras()
    }

    /// A workbench counting `layers` of `bundle` (its index built off the request threads). The product's figures
    /// count the listed firms (issue 15): imports and registers count only where a page chooses them.
    public static func make(bundle: DataBundle, layers: LayerSet = .listed, number: Int = 1, dataFolder: URL? = nil,
                            disk: AnalyticsDiskCache? = nil) async throws -> AnalyticsWorkbench {
        let index = try await HeavyWork.run("snapshot index (\(layers))") { SnapshotIndex(bundle.restricted(to: layers)) }
        return AnalyticsWorkbench(bundle: bundle, layers: layers, index: index, number: number, dataFolder: dataFolder, disk: disk)
    }

    /// The workbench of the same snapshot counting `layers` instead (this one when they are its own).
    public func layered(_ layers: LayerSet) async throws -> AnalyticsWorkbench {
        if layers == self.layers { return self }
        let make = { @Sendable [bundle, number, dataFolder] in
            try await AnalyticsWorkbench.make(bundle: bundle, layers: layers, number: number, dataFolder: dataFolder)
        }
        let kept = siblings.keys
        guard kept.contains(layers) || kept.count < Self.maxSiblings else { return try await make() }
        return try await siblings.value(layers, make)
    }

    deinit { MemoryTrim.soon() }

    public func analysis(level: RegionLevel, measure: Measure = .firms, threshold: Double = 1) async throws -> LevelAnalysis {
        try await levels.value(AnalysisKey(level: level, measure: measure, threshold: threshold)) { [index] in
            try await HeavyWork.run("\(level.rawValue) analysis (\(measure.rawValue))") { LevelAnalysis(index, level: level, measure: measure, threshold: threshold) }
        }
    }

    public func nodeLinks() async throws -> NodeLinks {
        try await links.value { [self] in
            let products = try await productLinks()
            return try await HeavyWork.run("chain node links") { NodeLinks(products) }
        }
    }

    /// The vetted product links every consumer uses (suppliers, customers, 招商 reasons, 延链, main products).
    public func productLinks() async throws -> ProductLinks {
        try await vettedLinks.value { [self, index] in
            try await kept(Self.productLinksFile, as: ProductLinks.Stored.self, restore: { ProductLinks(stored: $0, index: index) }) {
                try await HeavyWork.run("vetted product links") { ProductLinks(index) }
            }
        }
    }

    public func enterpriseQuality() async throws -> EnterpriseQuality {
        try await quality.value { [self] in
            try await kept(Self.qualityFile, as: [String: QualityScore].self, restore: { EnterpriseQuality(storedScores: $0) }) {
                let city = try await self.analysis(level: .city)
                return try await HeavyWork.run("enterprise quality") { EnterpriseQuality(self.index, city: city) }
            }
        }
    }

    public func productGraph() async throws -> ProductGraph {
        try await graph.value { [index] in try await HeavyWork.run("product graph") { ProductGraph(index) } }
    }

    /// The 招商 ranking at `level` (product links and quality scores built once, side by side).
    public func investmentTargets(level: RegionLevel) async throws -> InvestmentTargets {
        try await targets.value(level) { [self] in
            async let analysis = analysis(level: level)
            async let quality = enterpriseQuality()
            async let links = productLinks()
            async let chain = nodeLinks()
            let (a, q, l, c) = try await (analysis, quality, links, chain)
            return try await makeTargets(a, quality: q, links: l, chain: c)
        }
    }

    /// The 招商 ranking over another measure or threshold than the pages' (`brain recommend targets --measure …`),
    /// not kept. At city level the quality scores come from that same analysis, as they always have for the CLI.
    public func investmentTargets(level: RegionLevel, measure: Measure, threshold: Double) async throws -> InvestmentTargets {
        if measure == .firms && threshold == 1 { return try await investmentTargets(level: level) }
        let analysis = try await analysis(level: level, measure: measure, threshold: threshold)
        async let links = productLinks()
        async let chain = nodeLinks()
        let quality = level == .city
            ? try await HeavyWork.run("enterprise quality (\(measure.rawValue), \(threshold))") { EnterpriseQuality(self.index, city: analysis) }
            : try await enterpriseQuality()
        return try await makeTargets(analysis, quality: quality, links: try await links, chain: try await chain)
    }

    private func makeTargets(_ analysis: LevelAnalysis, quality: EnterpriseQuality, links: ProductLinks, chain: NodeLinks) async throws -> InvestmentTargets {
        try await HeavyWork.run("\(analysis.level.rawValue) investment targets") {
            InvestmentTargets(analysis, links: FirmLinks(self.index, links: links), quality: quality, nodeLinks: chain)
        }
    }

    /// Service offers derived from firms on service nodes.
    public func serviceOffers() async throws -> ServiceOffers {
        try await offers.value { [self] in
            let quality = try await enterpriseQuality()
            return try await HeavyWork.run("service offers") { ServiceOffers(self.index, quality: quality) }
        }
    }

    /// Demands matched to offers and talents, over the offers built once (the market records are passed per call:
    /// they change without a rebuild).
    public func demandMatching() async throws -> DemandMatching {
        try await matching.value { [self] in
            let offers = try await serviceOffers()
            return try await HeavyWork.run("demand matching") { DemandMatching(self.index, offers: offers) }
        }
    }

    /// Policy matching with the clauses' rules from `policies/eligibility.json` in the data folder (none without one).
    public func policyMatcher() async throws -> PolicyMatcher {
        try await policies.value { [index, dataFolder] in
            try await HeavyWork.run("policy matcher") {
                let rules = try dataFolder.map { try PolicyRulesLoader.load(dataFolder: $0, policies: index.data.policies) } ?? []
                return PolicyMatcher(index, rules: rules, asOf: String(ISO8601DateFormatter().string(from: Date()).prefix(10)))
            }
        }
    }

    /// The regional innovation index of every region at `level` over `years` (Monte Carlo rank bands included).
    public func innovationIndex(level: RegionLevel, years: ClosedRange<Int>) async throws -> IndexResult {
        try await indices.value("\(level.rawValue)/\(years.lowerBound)-\(years.upperBound)") { [self, index] in
            let compute = { @Sendable in
                try await HeavyWork.run("\(level.rawValue) innovation index") {
                    try CompositeIndex.compute(RegionInnovationIndex.table(index, level: level, years: years), spec: RegionInnovationIndex.defaultSpec)
                }
            }
            // The pages' span is kept on disk; another span a request asks for is computed.
            guard years == InnovationIndexYears.standard else { return try await compute() }
            return try await kept(Self.indexFile(level), as: IndexResult.self, restore: { $0 }, compute)
        }
    }
}
