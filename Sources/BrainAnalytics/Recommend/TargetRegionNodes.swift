import BrainModel

/// What each chain node is for one region, as the 招商 strategies and reasons need it: its 补链/强链 status from
/// `ChainGaps` (strong, weak, missing-related, missing), its firms and LQ, and its links to the region's strong nodes
/// (延链): through products, or along the chain itself (the strong node's parent, sub-nodes and sibling sub-nodes, which
/// the product graph seldom ties: few regions had any product-linked gap, so 延链 listed nobody). Columns follow the
/// analysis' node order.
public struct TargetRegionNodes: Sendable {
    public struct StrongLink: Sendable {
        public var strong: NodeRef
        public var productPairs: Int
        public var example: String
    }

    public var status: [String]
    public var firms: [Double]
    public var lq: [Double?]
    /// √(product links to the region's strong nodes over the most any node here has): 0…1, 0 for strong or unlinked nodes.
    public var extend: [Double]
    /// The strong local node each non-strong node is most linked to, with one product pair as evidence.
    public var strongestLink: [StrongLink?]
    /// The strong local node a non-strong node sits beside on the chain (parent, sub-node or sibling), where no product
    /// link ties it to one.
    public var chainNeighbour: [NodeRef?]
    /// What a chain neighbour alone counts for in `extend`: half of the most product-linked node's.
    static let chainNeighbourExtend = 0.5

    public init(_ analysis: LevelAnalysis, links: NodeLinks, region code: String) throws(AnalyticsError) {
        let gaps: ChainGapReport
        do { gaps = try ChainGaps.report(analysis, links: links, region: code) } catch let error as AnalyticsError { throw error } catch {
            throw AnalyticsError.unknownRegion(code)
        }
        let byId = Dictionary(gaps.nodes.map { ($0.node.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = analysis.nodeIds
        status = ids.map { byId[$0]?.status ?? "missing" }
        firms = ids.map { byId[$0]?.firms ?? 0 }
        lq = ids.map { byId[$0]?.lq }
        var pairs = [Int](repeating: 0, count: ids.count)
        var strongest = [StrongLink?](repeating: nil, count: ids.count)
        let strongIds = Set(gaps.nodes.filter { $0.status == "strong" }.map(\.node.id))
        for (n, id) in ids.enumerated() where !strongIds.contains(id) {
            // Upstream of a strong node (it supplies it) or downstream of one (it processes its products).
            let candidates = (links.downstreamOf[id] ?? []).filter { strongIds.contains($0.downstream) }.map { ($0.downstream, $0) }
                + (links.upstreamOf[id] ?? []).filter { strongIds.contains($0.upstream) }.map { ($0.upstream, $0) }
            for (strongId, link) in candidates {
                pairs[n] += link.productPairs
                if link.productPairs > (strongest[n]?.productPairs ?? 0), let node = analysis.index.nodesById[strongId] {
                    strongest[n] = StrongLink(strong: NodeRef(node), productPairs: link.productPairs, example: link.examples.first ?? "")
                }
            }
        }
        let most = Double(pairs.max() ?? 0)
        // Square root: a node with a quarter of the most links still counts half, so a few strong links are not drowned.
        var extend = pairs.map { most > 0 ? (Double($0) / most).squareRoot() : 0 }
        var neighbours = [NodeRef?](repeating: nil, count: ids.count)
        let nodesById = analysis.index.nodesById
        for (n, id) in ids.enumerated() where !strongIds.contains(id) && strongest[n] == nil {
            guard let node = nodesById[id] else { continue }
            let beside = strongIds.sorted().first { strongId in
                guard let strong = nodesById[strongId] else { return false }
                return node.parentId == strongId || strong.parentId == id || (node.parentId != nil && node.parentId == strong.parentId)
            }
            if let beside, let strong = nodesById[beside] {
                neighbours[n] = NodeRef(strong)
                extend[n] = max(extend[n], Self.chainNeighbourExtend)
            }
        }
        self.extend = extend
        strongestLink = strongest
        chainNeighbour = neighbours
    }

    /// What attracting a firm on node `n` does for the region: 强链 on its weak or strong nodes, 延链 on absent nodes
    /// linked by products to its strong ones, 补链 on the other absent nodes.
    public func role(_ n: Int) -> String {
        switch status[n] {
        case "strong", "weak": "strengthen"
        default: extend[n] > 0 ? "extend" : "fill"
        }
    }

    public static let roleNames: [String: (zh: String, en: String)] = [
        "fill": ("补链", "fill"), "strengthen": ("强链", "strengthen"), "extend": ("延链", "extend"),
    ]
    public static let statusNames: [String: (zh: String, en: String)] = [
        "strong": ("本地优势节点", "strong here"), "weak": ("本地已有但薄弱", "present but weak here"),
        "missing-related": ("本地空白、相关度较高", "absent here but related"), "missing": ("本地空白", "absent here"),
    ]
}
