import BrainModel

/// 招商 targets: firms outside a region ranked by how well they fit it.
///
///   score = 0.6 · fit + 0.2 · strength + 0.2 · links
///
/// - fit: the best of the firm's chain nodes, 0.8 · density / (the region's highest density) + 0.2 · PCI percentile —
///   relatedness density (Hidalgo et al. 2007) says how close the node is to what the region already does, PCI how
///   complex (valuable) it is;
/// - strength: the firm's development-quality score without its location dimension ("space" describes where it is,
///   not how good it is), over 100;
/// - links: firms of the region it would supply or buy from through the vetted product links, min(1, count / 3).
/// Weights are judgement, checked by `TargetBacktest` (brain bench recommend): density carries nearly all of the
/// signal that recovers hidden presences; complexity, strength and links say which of the related firms are worth
/// courting, and cost a little AUC there (see docs/recommend.md).
/// Same-province firms can be excluded or flagged (to avoid intra-provincial competition for the same firm).
public struct InvestmentTargets: Sendable {
    public enum SameProvince: String, Codable, Sendable, CaseIterable { case include, flag, exclude }

    public struct Target: Codable, Sendable {
        public var rank: Int
        public var firm: FirmRow
        public var score: Double
        public var fit: Double
        public var strength: Double
        public var links: Double
        public var node: NodeRef?
        public var density: Double?
        public var pci: Double?
        public var linkedFirms: [String]
        public var sameProvince: Bool
        public var reasons: [String]
    }

    public struct Report: Codable, Sendable {
        public var region: RegionRef
        public var level: RegionLevel
        public var sameProvince: SameProvince
        public var formula: String
        public var candidates: Int
        public var targets: [Target]
    }

    public static let formula = "score = 0.6·fit + 0.2·strength + 0.2·links; fit = max over the firm's nodes of 0.8·density/max density + 0.2·PCI percentile"

    let analysis: LevelAnalysis
    let links: FirmLinks
    /// development quality without the location dimension, 0–100
    let strength: [String: Double]
    let pciPercentile: [Double]

    public init(_ analysis: LevelAnalysis, links: FirmLinks, quality: EnterpriseQuality) {
        self.analysis = analysis
        self.links = links
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

    public func report(region code: String, sameProvince: SameProvince = .flag, limit: Int = 50) throws -> Report {
        let r = try analysis.requireRow(code)
        guard let region = analysis.index.regionsByCode[code] else { throw AnalyticsError.unknownRegion(code) }
        let members = Set(analysis.index.biomedicineEnterprises.filter { analysis.index.enterprise($0, isIn: region) }.map(\.id))
        var candidates = analysis.index.biomedicineEnterprises.filter { !members.contains($0.id) }
        let province = Region.provinceCode(of: code)
        if sameProvince == .exclude { candidates = candidates.filter { $0.provinceCode != province } }
        let ranked = rank(candidates, densities: densities(region: r), members: members, province: province)
        return Report(region: analysis.regionRef(code), level: analysis.level, sameProvince: sameProvince, formula: Self.formula,
                      candidates: candidates.count, targets: Array(ranked.prefix(limit)))
    }

    /// Scores and orders candidates against a region given by its density row and member firms (the backtest passes
    /// a row recomputed with some members hidden).
    func rank(_ candidates: [Enterprise], densities: [Double?], members: Set<String>, province: String) -> [Target] {
        let index = analysis.index
        let maxDensity = max(densities.compactMap { $0 }.max() ?? 0, 1e-9)
        let column = Dictionary(uniqueKeysWithValues: analysis.nodeIds.enumerated().map { ($1, $0) })
        var targets: [Target] = candidates.map { firm in
            var best: (fit: Double, node: Int?) = (0, nil)
            for node in index.nodesByEnterprise[firm.id] ?? [] {
                guard let n = column[node], let density = densities[n] else { continue }
                let fit = 0.8 * density / maxDensity + 0.2 * pciPercentile[n]
                if fit > best.fit || (fit == best.fit && best.node.map { analysis.nodeIds[$0] > node } ?? true) { best = (fit, n) }
            }
            let strength = (self.strength[firm.id] ?? 0) / 100
            let linked = links.linked(firm.id, among: members)
            let linkScore = min(1, Double(Set(linked.map(\.firm)).count) / 3)
            let score = 0.6 * best.fit + 0.2 * strength + 0.2 * linkScore
            let node = best.node.map { NodeRef(analysis.node($0)) }
            var reasons: [String] = []
            if let node, let n = best.node {
                reasons.append("\(node.nameZh): 相关密度 density \(Self.format(densities[n] ?? 0)) (本地最高 max \(Self.format(maxDensity))), "
                               + "复杂度 PCI 百分位 \(Int((pciPercentile[n] * 100).rounded()))%")
            }
            if let value = self.strength[firm.id] { reasons.append("发展质量(不含区位) quality without location \(Self.format(value))") }
            let names = linked.prefix(3).map { "\(index.enterprisesById[$0.firm]?.name ?? $0.firm)（\($0.role == "customer" ? "客户" : "供应商") \($0.evidence)）" }
            if !linked.isEmpty { reasons.append("与本地 \(Set(linked.map(\.firm)).count) 家企业有产品上下游关系: " + names.joined(separator: "；")) }
            let same = firm.provinceCode == province
            if same { reasons.append("同省企业: 省内招引属存量转移 same province") }
            return Target(rank: 0, firm: FirmRow(firm, index: index), score: score, fit: best.fit, strength: strength, links: linkScore,
                          node: node, density: best.node.flatMap { densities[$0] }, pci: best.node.flatMap { analysis.complexity.pci[$0] },
                          linkedFirms: linked.map(\.firm), sameProvince: same, reasons: reasons)
        }
        targets.sort { ($0.score, $1.firm.id) > ($1.score, $0.firm.id) }
        for i in targets.indices { targets[i].rank = i + 1 }
        return targets
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

extension InvestmentTargets {
    /// Everything the ranking needs, from one level's analysis: product links and quality scores (on the city level).
    public static func build(_ analysis: LevelAnalysis) -> InvestmentTargets {
        let index = analysis.index
        let city = analysis.level == .city ? analysis : LevelAnalysis(index, level: .city)
        return InvestmentTargets(analysis, links: FirmLinks(index, links: ProductLinks(index)), quality: EnterpriseQuality(index, city: city))
    }
}
