import Foundation
import BrainModel

/// 差异化定位: the nodes a region lacks, ranked by relatedness density and complexity in the smart-specialisation
/// quadrants of Balland, Boschma, Crespo & Rigby (2019), "Smart specialization policy in the European Union:
/// relatedness, knowledge complexity and regional diversification", Regional Studies 53(9).
public struct OpportunityReport: Codable, Sendable {
    public struct RelatedNode: Codable, Sendable {
        public var node: NodeRef
        public var proximity: Double
    }
    public struct Opportunity: Codable, Sendable {
        public var node: NodeRef
        public var rank: Int
        /// 0–1: share of the node's proximity mass that the region already has
        public var density: Double
        public var pci: Double?
        public var cog: Double?
        /// `high-relatedness-high-complexity` … `low-relatedness-low-complexity`
        public var quadrant: String
        public var firmsInRegion: Double
        /// the related nodes the region already has, strongest first: the reason for the ranking
        public var becauseOf: [RelatedNode]
        /// why it ranks here: the related nodes the region has (`opportunity.related`) or none
        public var reason: Reason
        /// the quadrant's name, per language
        public var quadrantLabel: Reason
    }

    public var region: RegionRef
    public var level: RegionLevel
    public var eci: Double?
    public var coi: Double?
    public var diversity: Double?
    public var present: [NodeRef]
    public var densityMedian: Double?
    public var pciMedian: Double?
    public var opportunities: [Opportunity]
    public var caveats: [Reason]
}

public enum Opportunities {
    static let quadrantOrder = ["high-relatedness-high-complexity", "high-relatedness-low-complexity",
                                "low-relatedness-high-complexity", "low-relatedness-low-complexity"]

    public static func report(_ analysis: LevelAnalysis, region code: String, relatedLimit: Int = 3) throws -> OpportunityReport {
        let r = try analysis.requireRow(code)
        let c = analysis.complexity, m = c.sectors.count
        let present = (0..<m).filter { c.cell(c.mcp, region: r, sector: $0) == 1 }
        let absent = (0..<m).filter { c.cell(c.mcp, region: r, sector: $0) == 0 }
        let densityMedian = Statistics.median(absent.compactMap { c.cell(c.density, region: r, sector: $0) })
        let pciMedian = Statistics.median(c.pci.compactMap { $0 })
        var items: [OpportunityReport.Opportunity] = []
        for n in absent {
            guard let density = c.cell(c.density, region: r, sector: n) else { continue }
            let pci = c.pci[n]
            let highRelatedness = density >= (densityMedian ?? 0) && density > 0
            let highComplexity = (pci ?? -.infinity) >= (pciMedian ?? .infinity)
            let quadrant = "\(highRelatedness ? "high" : "low")-relatedness-\(highComplexity ? "high" : "low")-complexity"
            let related = present.compactMap { p -> OpportunityReport.RelatedNode? in
                guard let phi = c.proximity[n * m + p], phi > 0 else { return nil }
                return .init(node: NodeRef(analysis.node(p)), proximity: phi)
            }.sorted { $0.proximity > $1.proximity }.prefix(relatedLimit)
            let reason = related.isEmpty ? Reason("opportunity.unrelated") : Reason("opportunity.related", [
                "related": related.map { "「\($0.node.nameZh)」（φ=\(format($0.proximity))）" }.joined(separator: "、"),
                "related.en": related.map { "\($0.node.nameEn) (φ=\(format($0.proximity)))" }.joined(separator: ", "),
            ])
            items.append(.init(node: NodeRef(analysis.node(n)), rank: 0, density: density, pci: pci, cog: c.cell(c.cog, region: r, sector: n),
                               quadrant: quadrant, firmsInRegion: analysis.table.matrix[r, n], becauseOf: Array(related), reason: reason,
                               quadrantLabel: Reason("quadrant." + quadrant)))
        }
        items.sort {
            let a = quadrantOrder.firstIndex(of: $0.quadrant)!, b = quadrantOrder.firstIndex(of: $1.quadrant)!
            if a != b { return a < b }
            if $0.density != $1.density { return $0.density > $1.density }
            return ($0.pci ?? -.infinity) > ($1.pci ?? -.infinity)
        }
        for i in items.indices { items[i].rank = i + 1 }
        return OpportunityReport(
            region: analysis.regionRef(code), level: analysis.level, eci: c.eci[r], coi: c.coi[r], diversity: c.diversity[r],
            present: present.map { NodeRef(analysis.node($0)) }, densityMedian: densityMedian, pciMedian: pciMedian,
            opportunities: items,
            caveats: [Reason("opportunity.caveat-presence"), Reason("opportunity.caveat-overlap")])
    }

    static func format(_ x: Double) -> String { String(format: "%.2f", x) }
}
