import BrainModel

/// 补链 / 强链 / 延链: each node of a region classed by its location quotient and relatedness.
///
/// - strong: LQ ≥ `strongLQ` (default 1.25);
/// - weak: the region has firms on the node but LQ < `strongLQ`;
/// - missing-related: no firms, relatedness density ≥ the median density of the region's absent nodes (and > 0);
/// - missing: no firms and little relatedness.
/// 补链 (fill) = missing-related nodes; 强链 (strengthen) = weak nodes, most related first;
/// 延链 (extend) = nodes not strong here that a strong node's products tie to it (upstream or downstream), or else that
/// sit beside a strong node on the chain tree (`ChainExtension`); the score is the 延链 weight, 0…1.
public struct ChainGapReport: Codable, Sendable {
    public struct NodeStatus: Codable, Sendable {
        public var node: NodeRef
        public var parentId: String?
        public var status: String
        public var firms: Double
        public var lq: Double?
        public var density: Double?
        public var reasons: [Reason]
        /// set when the LQ rests on fewer than 3 firms
        public var flag: SmallNumberFlag?
    }
    public struct Action: Codable, Sendable {
        public var node: NodeRef
        public var kind: String
        public var score: Double
        public var reasons: [Reason]
    }

    public var region: RegionRef
    public var level: RegionLevel
    public var strongLQ: Double
    public var nodes: [NodeStatus]
    /// 补链
    public var fill: [Action]
    /// 强链
    public var strengthen: [Action]
    /// 延链
    public var extend: [Action]
}

public enum ChainGaps {
    public static func report(_ analysis: LevelAnalysis, links: NodeLinks, region code: String,
                              strongLQ: Double = 1.25) throws -> ChainGapReport {
        let r = try analysis.requireRow(code)
        let c = analysis.complexity, m = analysis.nodeIds.count
        let densities = (0..<m).map { c.cell(c.density, region: r, sector: $0) }
        let absentDensities = (0..<m).filter { analysis.table.matrix[r, $0] == 0 }.compactMap { densities[$0] }
        let densityMedian = Statistics.median(absentDensities) ?? 0
        var statuses: [ChainGapReport.NodeStatus] = []
        for n in 0..<m {
            let firms = analysis.table.matrix[r, n], lq = analysis.lq.lq(region: r, node: n), density = densities[n]
            let status: String
            var reasons: [Reason] = []
            if firms > 0, let lq, lq >= strongLQ {
                status = "strong"; reasons.append(Reason("gap.strong", ["lq": fmt(lq), "threshold": fmt(strongLQ)]))
            } else if firms > 0 {
                status = "weak"
                reasons.append(Reason("gap.weak", ["lq": fmt(lq ?? 0), "threshold": fmt(strongLQ), "firms": fmt(firms)]))
            } else if let density, density > 0, density >= densityMedian {
                status = "missing-related"
                reasons.append(Reason("gap.missing-related", ["density": fmt(density), "median": fmt(densityMedian)]))
            } else {
                status = "missing"; reasons.append(Reason("gap.missing", ["density": fmt(density ?? 0)]))
            }
            let node = analysis.node(n)
            statuses.append(.init(node: NodeRef(node), parentId: node.parentId, status: status, firms: firms, lq: lq,
                                  density: density, reasons: reasons,
                                  flag: lq == nil ? nil : SmallNumberFlag.check(firms: analysis.table.firmCounts[r, n])))
        }
        let fill = statuses.filter { $0.status == "missing-related" }
            .map { ChainGapReport.Action(node: $0.node, kind: "fill", score: $0.density ?? 0, reasons: $0.reasons) }
            .sorted { $0.score > $1.score }
        let strengthen = statuses.filter { $0.status == "weak" }
            .map { ChainGapReport.Action(node: $0.node, kind: "strengthen", score: $0.density ?? 0,
                                         reasons: $0.reasons + [Reason("gap.density", ["density": fmt($0.density ?? 0)])]) }
            .sorted { $0.score > $1.score }
        // 延链 by the rule the 延链 target strategy uses (product links, else chain adjacency): one rule, one answer.
        let extending = ChainExtension(index: analysis.index, links: links, nodeIds: analysis.nodeIds,
                                       strongIds: Set(statuses.filter { $0.status == "strong" }.map(\.node.id)))
        let extend = extending.nodes.values.map { ChainGapReport.Action(node: $0.node, kind: "extend", score: $0.weight, reasons: $0.reasons) }
        return ChainGapReport(region: analysis.regionRef(code), level: analysis.level, strongLQ: strongLQ, nodes: statuses,
                              fill: fill, strengthen: strengthen, extend: extend.sorted { ($0.score, $1.node.id) > ($1.score, $0.node.id) })
    }

    static func fmt(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        // Int(_:) traps past Int's range (a threshold of 1e307 killed the server): only whole numbers that fit are printed as integers.
        guard rounded.isFinite, abs(rounded) < 1e15 else { return String(x) }
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
