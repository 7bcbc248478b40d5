import BrainModel

/// 招商 targets: firms outside a region ranked by how well they fit it, under a strategy whose weights are shown
/// (`TargetStrategy`; the default 综合 is
///
///   score = 0.6 · fit + 0.2 · strength + 0.2 · links
///
/// - fit: the best of the firm's chain nodes, 0.8 · density / (the region's highest density) + 0.2 · PCI percentile —
///   relatedness density (Hidalgo et al. 2007) says how close the node is to what the region already does, PCI how
///   complex (valuable) it is;
/// - strength: the firm's development-quality score without its location dimension ("space" describes where it is,
///   not how good it is), over 100;
/// - links: firms of the region it would supply or buy from through the vetted product links, min(1, count / 3)).
/// Weights are judgement, checked by `TargetBacktest` (brain bench recommend): density carries nearly all of the
/// signal that recovers hidden presences; complexity, strength and links say which of the related firms are worth
/// courting, and cost a little AUC there (see docs/recommend.md). The other presets (补链, 强链, 延链, 高附加值) add
/// the region's node statuses from `ChainGaps`.
/// The list is then spread over nodes (`TargetDiversity`) and paged. Same-province firms can be excluded or flagged
/// (to avoid intra-provincial competition for the same firm). Firms under the exchanges' risk warning (ST, *ST: losses,
/// doubtful audits, fraud) are left out unless asked for, and flagged when shown: a 招商 team does not court them.
public struct InvestmentTargets: Sendable {
    public enum SameProvince: String, Codable, Sendable, CaseIterable { case include, flag, exclude }
    /// Firms under risk warning (ST, *ST): left out (default) or listed with the warning among their reasons.
    public enum RiskWarned: String, Codable, Sendable, CaseIterable { case exclude, include }

    /// An ST or *ST short name (ST康美, *ST吉药, S*ST): the exchange's risk warning.
    public static func isRiskWarned(_ name: String) -> Bool {
        ["ST", "*ST", "S*ST", "SST"].contains { name.hasPrefix($0) }
    }

    public struct Target: Codable, Sendable {
        public var rank: Int
        public var firm: FirmRow
        public var score: Double
        /// the node part of the score (for 综合: 0.6 · (0.8 · density / max + 0.2 · PCI percentile))
        public var fit: Double
        public var strength: Double
        public var links: Double
        public var node: NodeRef?
        /// the node's status in the region (strong, weak, missing-related, missing) and what attracting the firm does
        /// for it (fill 补链, strengthen 强链, extend 延链); nil where the ranking ran without the region's statuses
        public var nodeStatus: String?
        public var role: String?
        public var density: Double?
        public var pci: Double?
        public var linkedFirms: [String]
        public var sameProvince: Bool
        /// under the exchange's risk warning (ST, *ST)
        public var riskWarning: Bool = false
        public var reasons: [Reason]
    }

    public struct Report: Codable, Sendable {
        public var region: RegionRef
        public var level: RegionLevel
        public var sameProvince: SameProvince
        public var riskWarned: RiskWarned
        /// risk-warned firms left out of this list (0 when they are included)
        public var riskWarnedLeftOut: Int
        public var strategy: TargetStrategy
        /// every preset with its weights, for the page's strategy control
        public var presets: [TargetStrategy]
        public var weights: [TargetStrategy.ShownWeight]
        public var formula: String
        public var diversity: TargetDiversity
        public var diversityRule: String
        public var candidates: Int
        public var page: Int
        public var size: Int
        public var pages: Int
        public var targets: [Target]
    }

    public static let formula = "score = Σ 权重 × 特征：节点部分取企业所在节点的最大值（相关密度、补链、强链、延链、PCI），加企业发展质量与本地上下游关系"

    let analysis: LevelAnalysis
    let links: FirmLinks
    let nodeLinks: NodeLinks?
    /// development quality without the location dimension, 0–100
    let strength: [String: Double]
    let pciPercentile: [Double]

    public init(_ analysis: LevelAnalysis, links: FirmLinks, quality: EnterpriseQuality, nodeLinks: NodeLinks? = nil) {
        self.analysis = analysis
        self.links = links
        self.nodeLinks = nodeLinks
        strength = quality.scoresWithoutLocation()
        pciPercentile = Self.percentiles(analysis.complexity.pci)
    }

    static func percentiles(_ values: [Double?]) -> [Double] {
        let known = values.compactMap { $0 }.sorted()
        guard known.count > 1 else { return values.map { _ in 0 } }
        return values.map { value in
            guard let value else { return 0 }
            return Double(known.filter { $0 < value }.count) / Double(known.count - 1)
        }
    }

    /// The region's relatedness density per node (column order of the analysis).
    func densities(region r: Int) -> [Double?] {
        let c = analysis.complexity
        return (0..<c.sectors.count).map { c.cell(c.density, region: r, sector: $0) }
    }

    /// One page (`page` from 1, `size` firms) of the region's targets under `strategy`, spread over nodes by `diversity`.
    public func report(region code: String, sameProvince: SameProvince = .flag, riskWarned: RiskWarned = .exclude,
                       strategy: TargetStrategy = .balanced, diversity: TargetDiversity = TargetDiversity(),
                       page: Int = 1, size: Int = 50) throws -> Report {
        let r = try analysis.requireRow(code)
        guard let region = analysis.index.regionsByCode[code] else { throw AnalyticsError.unknownRegion(code) }
        let members = Set(analysis.index.biomedicineEnterprises.filter { analysis.index.enterprise($0, isIn: region) }.map(\.id))
        var candidates = analysis.index.biomedicineEnterprises.filter { !members.contains($0.id) }
        let province = Region.provinceCode(of: code)
        if sameProvince == .exclude { candidates = candidates.filter { $0.provinceCode != province } }
        let before = candidates.count
        if riskWarned == .exclude { candidates = candidates.filter { !Self.isRiskWarned($0.name) } }
        let leftOut = before - candidates.count
        let nodes = try nodeLinks.map { links throws(AnalyticsError) in try TargetRegionNodes(analysis, links: links, region: code) }
        let densities = densities(region: r)
        let ranked = diversity.apply(rank(candidates, densities: densities, members: members, province: province, strategy: strategy, nodes: nodes)) {
            $0.node?.id
        }
        let size = max(1, size), pages = max(1, (ranked.count + size - 1) / size), page = min(max(1, page), pages)
        let start = min(ranked.count, (page - 1) * size)
        var shown = Array(ranked[start..<min(ranked.count, start + size)])
        // The evidence that placed each shown firm on its node (申万 class or product), for firms that list no products.
        let shownPairs = Set(shown.compactMap { t in t.node.map { "\(t.firm.id)|\($0.id)" } })
        var evidence: [String: String] = [:]
        for assignment in analysis.index.data.assignments where shownPairs.contains("\(assignment.enterpriseId)|\(assignment.nodeId)") {
            evidence["\(assignment.enterpriseId)|\(assignment.nodeId)"] = evidence["\(assignment.enterpriseId)|\(assignment.nodeId)"] ?? assignment.evidence
        }
        let reasons = TargetReasons(analysis: analysis, links: links, strength: strength, pciPercentile: pciPercentile,
                                    densities: densities, members: members, nodes: nodes, evidence: evidence)
        for i in shown.indices {
            shown[i].rank = start + i + 1
            shown[i].reasons = reasons.reasons(for: shown[i])
        }
        return Report(region: analysis.regionRef(code), level: analysis.level, sameProvince: sameProvince, riskWarned: riskWarned,
                      riskWarnedLeftOut: leftOut, strategy: strategy,
                      presets: TargetStrategy.presets, weights: strategy.shownWeights, formula: Self.formula, diversity: diversity, diversityRule: diversity.ruleZh,
                      candidates: ranked.count, page: page, size: size, pages: pages, targets: shown)
    }

    /// Scores and orders candidates against a region given by its density row and member firms (the backtest passes
    /// a row recomputed with some members hidden, the default strategy and no node statuses). Reasons are left empty:
    /// `report` words them for the page it shows.
    func rank(_ candidates: [Enterprise], densities: [Double?], members: Set<String>, province: String,
              strategy: TargetStrategy = .balanced, nodes: TargetRegionNodes? = nil) -> [Target] {
        let index = analysis.index
        let maxDensity = max(densities.compactMap { $0 }.max() ?? 0, 1e-9)
        let column = Dictionary(uniqueKeysWithValues: analysis.nodeIds.enumerated().map { ($1, $0) })
        let w = strategy.weights
        let legacy = w == TargetStrategy.balanced.weights
        let nodeScore = { (n: Int, density: Double) -> Double in
            let d = density / maxDensity
            // 综合 keeps the measured formula's arithmetic (fit = 0.8·d + 0.2·p, scaled by 0.6 below), so its scores
            // and the backtest's figures do not move by a rounding.
            if legacy { return 0.8 * d + 0.2 * pciPercentile[n] }
            var score = w.density * d + w.pci * pciPercentile[n]
            if let nodes {
                if nodes.status[n] != "strong" { score += w.gap * d }
                if nodes.status[n] == "strong" { score += w.strong }
                score += w.extend * nodes.extend[n]
            }
            return score
        }
        var targets: [Target] = candidates.compactMap { firm in
            var best: (fit: Double, node: Int?) = (0, nil)
            for node in index.nodesByEnterprise[firm.id] ?? [] {
                guard let n = column[node], let density = densities[n] else { continue }
                if let nodes, !strategy.targets(status: nodes.status[n], extend: nodes.extend[n]) { continue }
                let fit = nodeScore(n, density)
                if fit > best.fit || (fit == best.fit && best.node.map { analysis.nodeIds[$0] > node } ?? true) { best = (fit, n) }
            }
            // A chain preset's firm must sit on one of the nodes it is about.
            if nodes != nil, best.node == nil, strategy.isChainPreset { return nil }
            let strength = (self.strength[firm.id] ?? 0) / 100
            let linked = Set(links.linked(firm.id, among: members).map(\.firm)).sorted()
            let linkScore = min(1, Double(linked.count) / 3)
            let score = legacy ? 0.6 * best.fit + 0.2 * strength + 0.2 * linkScore : best.fit + w.strength * strength + w.links * linkScore
            return Target(rank: 0, firm: FirmRow(firm, index: index), score: score, fit: legacy ? 0.6 * best.fit : best.fit, strength: strength, links: linkScore,
                          node: best.node.map { NodeRef(analysis.node($0)) }, nodeStatus: best.node.flatMap { nodes?.status[$0] },
                          // Under 延链 every listed node is there because it sits beside a strong one, weak or absent.
                          role: best.node.flatMap { n in nodes.map { strategy.id == TargetStrategy.extend.id ? "extend" : $0.role(n) } },
                          density: best.node.flatMap { densities[$0] }, pci: best.node.flatMap { analysis.complexity.pci[$0] },
                          linkedFirms: linked, sameProvince: firm.provinceCode == province, riskWarning: Self.isRiskWarned(firm.name), reasons: [])
        }
        targets.sort { ($0.score, $1.firm.id) > ($1.score, $0.firm.id) }
        for i in targets.indices { targets[i].rank = i + 1 }
        return targets
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

extension InvestmentTargets {
    /// Everything the ranking needs, from one level's analysis: product links, node links and quality scores (on the city level).
    public static func build(_ analysis: LevelAnalysis) -> InvestmentTargets {
        let index = analysis.index
        let city = analysis.level == .city ? analysis : LevelAnalysis(index, level: .city)
        let products = ProductLinks(index)
        return InvestmentTargets(analysis, links: FirmLinks(index, links: products), quality: EnterpriseQuality(index, city: city),
                                 nodeLinks: NodeLinks(products))
    }
}
