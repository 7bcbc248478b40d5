import BrainModel

/// A region's industry profile by chain node: firms (or the chosen measure), location quotient, presence, and its
/// complexity position.
public struct SpecialisationProfile: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var node: NodeRef
        public var parentId: String?
        public var value: Double
        public var nationalValue: Double
        public var lq: Double?
        public var present: Bool
        public var pci: Double?
        /// set when the LQ rests on fewer than 3 firms
        public var flag: SmallNumberFlag?
    }
    public var region: RegionRef
    public var level: RegionLevel
    public var measure: Measure
    public var threshold: Double
    public var regionTotalAllIndustries: Double
    public var nationalTotalAllIndustries: Double
    public var eci: Double?
    public var eciRank: Int?
    public var regionsRanked: Int
    public var diversity: Double?
    public var nodes: [Row]

    public static func report(_ analysis: LevelAnalysis, region code: String) throws -> SpecialisationProfile {
        let r = try analysis.requireRow(code)
        let totals = analysis.table.nodeTotals
        let rows = analysis.nodeIds.indices.map { n in
            Row(node: NodeRef(analysis.node(n)), parentId: analysis.node(n).parentId, value: analysis.table.matrix[r, n],
                nationalValue: totals[n], lq: analysis.lq.lq(region: r, node: n), present: analysis.lq.isPresent(region: r, node: n),
                pci: analysis.complexity.pci[n],
                flag: analysis.lq.lq(region: r, node: n) == nil ? nil : SmallNumberFlag.check(firms: analysis.table.firmCounts[r, n]))
        }
        let eci = analysis.complexity.eci[r]
        let ranked = analysis.complexity.eci.compactMap { $0 }
        return SpecialisationProfile(
            region: analysis.regionRef(code), level: analysis.level, measure: analysis.table.measure, threshold: analysis.lq.threshold,
            regionTotalAllIndustries: analysis.table.regionTotals[r], nationalTotalAllIndustries: analysis.table.nationalTotal,
            eci: eci, eciRank: eci.map { e in ranked.filter { $0 > e }.count + 1 }, regionsRanked: ranked.count,
            diversity: analysis.complexity.diversity[r], nodes: rows)
    }
}
