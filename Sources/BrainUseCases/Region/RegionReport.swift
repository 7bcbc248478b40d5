import BrainAnalytics
import BrainModel
import BrainStore

/// Everything the region page shows, as one JSON document (`GET /api/regions/{code}/report`): the page, its XLSX
/// export and its PDF are all made from it. Analytics run at the region's own level, measured in firms.
public struct RegionReport: Codable, Sendable {
    public struct IndexSummary: Codable, Sendable {
        public var of: Int
        /// the region's rows, oldest year first
        public var rows: [IndexResult.Row]
        public var notes: [Reason]
    }
    public var region: RegionResponse
    /// What every figure below counts: the chosen layers, their firms, and how many are located to this region's
    /// level — the base of its location quotients and shares. LQs on fewer than 3 firms carry `flag` in `gaps.nodes`.
    public var coverage: Coverage
    public var gaps: ChainGapReport
    public var opportunities: OpportunityReport
    public var peers: PeerReport
    public var cluster: ClusterReport
    public var chokepoints: [ChokepointReport.NodeSupply]
    public var innovationIndex: IndexSummary
    public var largestFirms: [FirmRow]
    /// firm id → its most specific nodes in English (each row's `reason` holds them in Chinese)
    public var largestFirmNodesEn: [String: String]
    public var targets: InvestmentTargets.Report
    public var talent: TalentCube
    /// for each service, the nearest and strongest firms offering it
    public var services: [ServiceOffers.Match]

    public static func build<Extras>(store: any Store, cache: AnalyticsWorkbench<Extras>, code: String) async throws -> RegionReport {
        try RegionCode.check(code)
        let index = cache.index
        guard let region = index.regionsByCode[code], var profile = try await store.regionProfile(code, largest: 10) else {
            throw RegionCode.unknown(code)
        }
        // The store counts the listed layer; other choices are counted from the snapshot of those layers.
        if !cache.layers.isListedOnly { profile = LayerCounts.profile(profile, index: index) }
        guard region.level != .country else { throw Refusal.badRequest(Reason("api.region-page-country")) }
        cache.startRegionPage(level: region.level)
        let analysis = try await cache.analysis(level: region.level)
        let response = RegionResponse(profile, taxonomy: try await store.taxonomy())
        let chokepoints = try Chokepoints.report(index, region: code, vetted: try await cache.productLinks()).nodes.filter { !$0.flags.isEmpty }
        var indexResult = try await cache.innovationIndex(level: region.level, years: InnovationIndexYears.standard)
        let units = Set(indexResult.rows.map(\.unit)).count
        indexResult.rows = indexResult.rows.filter { $0.unit == code }.sorted { ($0.year ?? "") < ($1.year ?? "") }
        let largest = index.biomedicineEnterprises.filter { index.enterprise($0, isIn: region) }.sorted(by: FirmRow.bySize)
            .prefix(15).map { FirmRow($0, index: index, reason: sectorNames(of: $0.id, index: index)) }
        let offers = try await cache.serviceOffers()
        do {
            return RegionReport(
                region: response,
                coverage: Coverage(index, layers: cache.layers, level: region.level),
                gaps: try ChainGaps.report(analysis, links: try await cache.nodeLinks(), region: code, strongLQ: 1.25),
                opportunities: try Opportunities.report(analysis, region: code),
                peers: try Peers.report(analysis, region: code, count: 5),
                cluster: try ClusterCriteria.report(analysis, region: code),
                chokepoints: chokepoints,
                innovationIndex: IndexSummary(of: units, rows: indexResult.rows, notes: indexResult.notes),
                largestFirms: Array(largest),
                largestFirmNodesEn: Dictionary(largest.map { ($0.id, sectorNames(of: $0.id, index: index, .en)) }, uniquingKeysWith: { a, _ in a }),
                targets: try await cache.investmentTargets(level: region.level).report(region: code, sameProvince: .flag, size: 20),
                talent: try TalentCube.report(index, region: code),
                services: try ServiceNodes.names.keys.sorted().map { try offers.match(service: $0, region: code, limit: 3) })
        } catch let error as AnalyticsError {
            throw Refusal(error)
        }
    }

    /// The firm's most specific nodes, for the "largest firms" list.
    public static func sectorNames(of id: String, index: SnapshotIndex, _ language: DisplayLanguage = .zh) -> String {
        let nodes = index.nodesByEnterprise[id] ?? []
        let leaves = nodes.filter { node in !nodes.contains { index.nodesById[$0]?.parentId == node } }.sorted()
        let names = leaves.compactMap { index.nodesById[$0] }.map { language == .zh ? $0.nameZh : $0.nameEn }
        return language == .zh ? names.sorted().joined(separator: "、") : names.joined(separator: ", ")
    }
}
