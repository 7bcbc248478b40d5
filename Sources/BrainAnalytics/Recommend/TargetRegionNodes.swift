import BrainModel

/// What each chain node is for one region, as the 招商 strategies and reasons need it: its 补链/强链 status from
/// `ChainGaps` (strong, weak, missing-related, missing), its firms and LQ, and its links to the region's strong nodes
/// (延链, by `ChainExtension`: through products, or along the chain itself). Columns follow the analysis' node order.
public struct TargetRegionNodes: Sendable {
    public struct StrongLink: Sendable {
        public var strong: NodeRef
        public var productPairs: Int
        public var example: String
    }

    public var status: [String]
    public var firms: [Double]
    public var lq: [Double?]
    /// the 延链 weight (`ChainExtension`): 0…1, 0 for strong or unlinked nodes.
    public var extend: [Double]
    /// The strong local node each non-strong node is most linked to, with one product pair as evidence.
    public var strongestLink: [StrongLink?]
    /// The strong local node a non-strong node sits beside on the chain (parent, sub-node or sibling), where no product
    /// link ties it to one.
    public var chainNeighbour: [NodeRef?]

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
        let strongIds = Set(gaps.nodes.filter { $0.status == "strong" }.map(\.node.id))
        let extending = ChainExtension(index: analysis.index, links: links, nodeIds: ids, strongIds: strongIds).nodes
        extend = ids.map { extending[$0]?.weight ?? 0 }
        strongestLink = ids.map { id in
            extending[id]?.productLinks.first.map { StrongLink(strong: $0.strong, productPairs: $0.productPairs, example: $0.example) }
        }
        chainNeighbour = ids.map { extending[$0]?.chainNeighbour }
    }

    /// What attracting a firm on node `n` does for the region: 强链 on its weak or strong nodes, 延链 on absent nodes
    /// that extend its strong ones (`ChainExtension`), 补链 on the other absent nodes.
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
