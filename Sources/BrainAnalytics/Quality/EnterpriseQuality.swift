import BrainModel

/// Enterprise development quality (企业发展质量): five dimensions — space, industry, capital, innovation, talent — built
/// per the OECD/JRC *Handbook on Constructing Composite Indicators* (2008): each indicator normalised to 0–100 by its
/// percentile rank among all biomedicine firms (robust to the heavy tails of assets and headcount), indicators averaged
/// with equal weights within a dimension, dimensions averaged with equal weights. A missing input is left out of the
/// average and lowers `coverage`; it never counts as zero.
public struct QualityScore: Codable, Sendable {
    public struct Component: Codable, Sendable {
        public var indicator: String
        public var raw: Double?
        /// 0–100 percentile among biomedicine firms; nil when the raw value is missing
        public var normalised: Double?
    }
    public struct Dimension: Codable, Sendable {
        public var dimension: String
        /// the dimension's name per language (`quality.*`)
        public var label: Reason
        public var score: Double?
        public var coverage: Double
        public var components: [Component]
    }
    public var enterpriseId: String
    public var name: String
    public var score: Double?
    /// share of indicators with data
    public var coverage: Double
    /// rank among biomedicine firms with a score (1 = best)
    public var rank: Int?
    public var of: Int
    public var dimensions: [Dimension]
}

public struct EnterpriseQuality: Sendable {
    typealias Indicator = (dimension: String, name: String, value: (Enterprise) -> Double?)
    let scores: [String: QualityScore]

    public init(_ index: SnapshotIndex, city: LevelAnalysis) {
        let firms = index.biomedicineEnterprises
        let pci = Dictionary(uniqueKeysWithValues: city.nodeIds.enumerated().map { ($1, city.complexity.pci[$0]) })
        let firmsInCity = Dictionary(grouping: firms.compactMap(\.cityCode), by: { $0 }).mapValues { Double($0.count) }
        func universities(_ e: Enterprise, medical: Bool) -> Double? {
            guard let code = e.cityCode else { return nil }
            let list = index.universitiesByCity[code] ?? []
            return Double(medical ? list.filter(\.isMedical).count : list.count)
        }
        let indicators: [Indicator] = [
            ("space", "biomedicine firms in the same city", { $0.cityCode.flatMap { firmsInCity[$0] } }),
            ("space", "city economic complexity (ECI)", { e in e.cityCode.flatMap(city.row(of:)).flatMap { city.complexity.eci[$0] } }),
            ("industry", "highest complexity (PCI) of its chain nodes", { e in (index.nodesByEnterprise[e.id] ?? []).compactMap { pci[$0] ?? nil }.max() }),
            ("industry", "chain nodes covered", { e in index.nodesByEnterprise[e.id].map { Double($0.count) } }),
            ("industry", "products listed", { e in index.productsByEnterprise[e.id].map { Double($0.count) } }),
            ("capital", "total assets (亿元)", { $0.totalAssetsYi }),
            ("capital", "registered capital (万元)", { $0.registeredCapitalWan }),
            ("capital", "revenue growth (%)", { $0.revenueGrowthPct }),
            ("capital", "net margin (%)", { $0.netMarginPct }),
            ("innovation", "STAR-market listing (科创板)", { $0.market.map { $0 == "科创板" ? 1 : 0 } }),
            ("innovation", "on an innovative node", { e in (index.nodesByEnterprise[e.id] ?? []).isDisjoint(with: RegionIndicators.innovativeNodes) ? 0 : 1 }),
            ("innovation", "gross margin (%)", { $0.grossMarginPct }),
            ("talent", "employees", { $0.employees.map(Double.init) }),
            ("talent", "medical universities in the city", { universities($0, medical: true) }),
        ]
        let raw = indicators.map { indicator in firms.map { indicator.value($0) } }
        let normalised = raw.map(Statistics.percentileRanks)
        var scores: [String: QualityScore] = [:]
        let dimensionNames = ["space", "industry", "capital", "innovation", "talent"]
        for (f, firm) in firms.enumerated() {
            var dimensions: [QualityScore.Dimension] = []
            for name in dimensionNames {
                let members = indicators.indices.filter { indicators[$0].dimension == name }
                let components = members.map { QualityScore.Component(indicator: indicators[$0].name, raw: raw[$0][f], normalised: normalised[$0][f]) }
                let values = components.compactMap(\.normalised)
                dimensions.append(.init(dimension: name, label: Reason("quality." + name), score: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count),
                                        coverage: Double(values.count) / Double(components.count), components: components))
            }
            let dimensionScores = dimensions.compactMap(\.score)
            let available = normalised.indices.filter { normalised[$0][f] != nil }.count
            scores[firm.id] = QualityScore(enterpriseId: firm.id, name: firm.name,
                                           score: dimensionScores.isEmpty ? nil : dimensionScores.reduce(0, +) / Double(dimensionScores.count),
                                           coverage: Double(available) / Double(indicators.count), rank: nil, of: firms.count,
                                           dimensions: dimensions)
        }
        let ranked = scores.values.filter { $0.score != nil }.sorted { ($0.score!, $1.enterpriseId) > ($1.score!, $0.enterpriseId) }
        for (i, score) in ranked.enumerated() { scores[score.enterpriseId]?.rank = i + 1 }
        self.scores = scores
    }

    public func score(_ id: String) throws -> QualityScore {
        guard let score = scores[id] else { throw AnalyticsError.unknownEnterprise(id) }
        return score
    }

    public var ranking: [QualityScore] { scores.values.filter { $0.rank != nil }.sorted { $0.rank! < $1.rank! } }
}

extension EnterpriseQuality {
    /// Each scored firm's mean dimension score without its location ("space": where a firm is, not how good it is),
    /// 0–100 — the firm's strength wherever a ranking already weighs location on its own (targets, offers).
    public func scoresWithoutLocation() -> [String: Double] {
        var result: [String: Double] = [:]
        for score in ranking {
            let values = score.dimensions.filter { $0.dimension != "space" }.compactMap(\.score)
            if !values.isEmpty { result[score.enterpriseId] = values.reduce(0, +) / Double(values.count) }
        }
        return result
    }
}
