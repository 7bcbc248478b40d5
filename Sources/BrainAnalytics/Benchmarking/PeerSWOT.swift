import Foundation
import BrainModel

/// A SWOT of one region against peers the user picks (as Metroverse compares a city with its peers), node by node on
/// the chain, from the listed firms: strengths where the region's LQ is above the peers' median, weaknesses where the
/// peers hold a node the region lacks or trails in, opportunities from relatedness density (the opportunity
/// analysis), threats where the peers are far ahead and their firms growing, or where few firms carry a local strength.
public struct PeerSWOT: Codable, Sendable {
    public enum Quadrant: String, Codable, Sendable, CaseIterable { case strengths, weaknesses, opportunities, threats }

    public struct Item: Codable, Sendable {
        public var node: NodeRef
        /// why, with the figures it rests on (`swot.*`)
        public var reason: Reason
        public var regionFirms: Double
        public var regionLQ: Double?
        public var peerMedianLQ: Double?
        public var peerMedianFirms: Double?
        /// how many of the peers have firms on the node
        public var peersPresent: Int
        public var density: Double?
    }

    public struct Section: Codable, Sendable {
        public var quadrant: Quadrant
        public var title: Reason
        public var items: [Item]
        /// why the quadrant is empty (absent when it has items)
        public var empty: Reason?
    }

    public var region: RegionRef
    public var level: RegionLevel
    public var peers: [RegionRef]
    /// true when the peers are the benchmarking module's, not the user's
    public var defaultPeers: Bool
    public var sections: [Section]
    /// what it covers: listed firms only, and the thresholds used
    public var scope: [Reason]
}

public enum PeerSWOTs {
    /// The peers when the user picks none: the benchmarking module's closest by specialisation profile.
    public static func defaultPeers(_ analysis: LevelAnalysis, region code: String, count: Int = 4) throws -> [String] {
        try Peers.report(analysis, region: code, count: count).bySpecialisation.map(\.region.code)
    }

    public static func report(_ analysis: LevelAnalysis, region code: String, peers chosen: [String]? = nil, limit: Int = 6) throws -> PeerSWOT {
        let r = try analysis.requireRow(code)
        let isDefault = chosen == nil || chosen?.isEmpty == true
        let peerCodes = isDefault ? try defaultPeers(analysis, region: code) : (chosen ?? [])
        var peerRows: [Int] = []
        for peer in peerCodes where peer != code {
            let row = try analysis.requireRow(peer)
            if !peerRows.contains(row) { peerRows.append(row) }
        }
        guard !peerRows.isEmpty else { throw AnalyticsError.invalidInput(Reason("analytics.no-peers")) }
        let m = analysis.nodeIds.count, c = analysis.complexity
        let opportunities = try Opportunities.report(analysis, region: code)
        let densityMedian = opportunities.densityMedian
        let growth = NodeGrowth(analysis, rows: [r] + peerRows)
        var figures: [PeerSWOT.Item] = []
        for n in 0..<m {
            let peerLQ = peerRows.map { analysis.lq.lq(region: $0, node: n) ?? 0 }
            let peerFirms = peerRows.map { analysis.table.matrix[$0, n] }
            figures.append(.init(node: NodeRef(analysis.node(n)), reason: Reason("swot.none"), regionFirms: analysis.table.matrix[r, n],
                                 regionLQ: analysis.lq.lq(region: r, node: n), peerMedianLQ: Statistics.median(peerLQ),
                                 peerMedianFirms: Statistics.median(peerFirms), peersPresent: peerFirms.filter { $0 > 0 }.count,
                                 density: c.cell(c.density, region: r, sector: n).flatMap { $0.isFinite ? $0 : nil }))
        }
        let peerCount = "\(peerRows.count)"
        func f(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "–" }
        func whole(_ x: Double?) -> String { x.map { String(format: "%.0f", $0) } ?? "–" }

        // Strengths: specialised here (LQ ≥ 1) and above the peers' median LQ, by the margin.
        var strengths = figures.filter { ($0.regionLQ ?? 0) >= 1 && $0.regionFirms > 0 && ($0.regionLQ ?? 0) > ($0.peerMedianLQ ?? 0) }
        // The nodes with most firms first: an LQ of 25 on one firm is a fact, the region's main strengths carry more.
        strengths.sort { ($0.regionFirms, ($0.regionLQ ?? 0) - ($0.peerMedianLQ ?? 0), $1.node.id) > ($1.regionFirms, ($1.regionLQ ?? 0) - ($1.peerMedianLQ ?? 0), $0.node.id) }
        for i in strengths.indices {
            let item = strengths[i]
            strengths[i].reason = Reason("swot.strength", ["firms": whole(item.regionFirms), "lq": f(item.regionLQ), "median": f(item.peerMedianLQ), "peers": peerCount])
        }

        // Weaknesses: most peers hold the node while the region has none, or the region is unspecialised and trails.
        var weaknesses = figures.filter { item in
            let median = item.peerMedianLQ ?? 0
            if item.regionFirms <= 0 { return item.peersPresent * 2 >= peerRows.count && item.peersPresent > 0 }
            return (item.regionLQ ?? 0) < 1 && median >= 1 && (item.regionLQ ?? 0) < median
        }
        weaknesses.sort { ($0.peersPresent, ($0.peerMedianLQ ?? 0) - ($0.regionLQ ?? 0), $1.node.id) > ($1.peersPresent, ($1.peerMedianLQ ?? 0) - ($1.regionLQ ?? 0), $0.node.id) }
        for i in weaknesses.indices {
            let item = weaknesses[i]
            weaknesses[i].reason = item.regionFirms <= 0
                ? Reason("swot.weakness-absent", ["present": "\(item.peersPresent)", "peers": peerCount, "firms": whole(item.peerMedianFirms)])
                : Reason("swot.weakness-trails", ["lq": f(item.regionLQ), "median": f(item.peerMedianLQ), "firms": whole(item.regionFirms)])
        }

        // Opportunities: missing nodes in the high-relatedness quadrants of the opportunity analysis, densest first.
        let byId = Dictionary(uniqueKeysWithValues: figures.map { ($0.node.id, $0) })
        let opportunityItems = opportunities.opportunities.filter { $0.quadrant.hasPrefix("high-relatedness") }.compactMap { o -> PeerSWOT.Item? in
            guard var item = byId[o.node.id] else { return nil }
            let related = o.becauseOf.map(\.node)
            item.reason = Reason("swot.opportunity", [
                "density": f(o.density), "median": f(densityMedian), "pci": f(o.pci),
                "related": related.isEmpty ? "–" : related.map(\.nameZh).joined(separator: "、"),
                "related.en": related.isEmpty ? "–" : related.map(\.nameEn).joined(separator: ", "),
            ])
            return item
        }

        // Threats: peers far ahead (median LQ ≥ 1.5 and at least twice the region's) with their firms on it growing;
        // or a local strength resting on one or two firms.
        var threats: [PeerSWOT.Item] = []
        for item in figures {
            let n = analysis.nodeIds.firstIndex(of: item.node.id) ?? 0
            let median = item.peerMedianLQ ?? 0, own = item.regionLQ ?? 0
            if median >= 1.5, median >= 2 * own, let peerGrowth = growth.medianGrowth(node: n, rows: peerRows), peerGrowth > 0 {
                var threat = item
                threat.reason = Reason("swot.threat-peers", ["median": f(median), "lq": f(item.regionLQ), "growth": String(format: "%.1f", peerGrowth)])
                threats.append(threat)
            } else if own >= 1, item.regionFirms > 0, item.regionFirms <= 2 {
                var threat = item
                threat.reason = Reason("swot.threat-concentration", ["firms": whole(item.regionFirms), "lq": f(item.regionLQ)])
                threats.append(threat)
            }
        }
        threats.sort { (($0.peerMedianLQ ?? 0) - ($0.regionLQ ?? 0), $1.node.id) > (($1.peerMedianLQ ?? 0) - ($1.regionLQ ?? 0), $0.node.id) }

        let lists: [(PeerSWOT.Quadrant, [PeerSWOT.Item])] = [(.strengths, strengths), (.weaknesses, weaknesses),
                                                             (.opportunities, opportunityItems), (.threats, threats)]
        let sections = lists.map { quadrant, items in
            PeerSWOT.Section(quadrant: quadrant, title: Reason("swot.title-" + quadrant.rawValue), items: Array(items.prefix(limit)),
                             empty: items.isEmpty ? Reason("swot.empty-" + quadrant.rawValue) : nil)
        }
        return PeerSWOT(region: analysis.regionRef(code), level: analysis.level,
                        peers: peerRows.map { analysis.regionRef(analysis.table.matrix.rowLabels[$0]) }, defaultPeers: isDefault,
                        sections: sections, scope: [Reason("swot.scope-listed"), Reason("swot.scope-rules")])
    }
}

/// The latest reported revenue growth of the listed firms on each node in a few regions, for the threats.
struct NodeGrowth {
    /// row → node → growth figures (percent) of the firms there
    private var figures: [Int: [Int: [Double]]] = [:]

    init(_ analysis: LevelAnalysis, rows: [Int]) {
        let index = analysis.index
        let wanted = Dictionary(rows.map { (analysis.table.matrix.rowLabels[$0], $0) }, uniquingKeysWith: { a, _ in a })
        let columns = Dictionary(uniqueKeysWithValues: analysis.nodeIds.enumerated().map { ($1, $0) })
        for firm in index.biomedicineEnterprises {
            guard let growth = firm.revenueGrowthPct, growth.isFinite, let code = index.regionCode(of: firm, at: analysis.level),
                  let row = wanted[code] else { continue }
            for node in index.nodesByEnterprise[firm.id] ?? [] {
                if let n = columns[node] { figures[row, default: [:]][n, default: []].append(growth) }
            }
        }
    }

    /// The median growth of the firms on `node` across `rows`; nil when none reports it.
    func medianGrowth(node n: Int, rows: [Int]) -> Double? {
        Statistics.median(rows.flatMap { figures[$0]?[n] ?? [] })
    }
}
