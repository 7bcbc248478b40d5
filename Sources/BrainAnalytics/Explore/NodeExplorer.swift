import BrainModel

/// One chain node across the country (or within a region): its firms, where they are, what they make, and the nodes
/// it draws on and supplies (from the product graph, see `NodeLinks`).
public struct NodeExplorerReport: Codable, Sendable {
    public struct Count: Codable, Sendable {
        public var code: String
        public var name: String
        public var firms: Int
    }
    public struct ProductCount: Codable, Sendable {
        public var product: String
        public var firms: Int
    }
    public struct LinkedNode: Codable, Sendable {
        public var node: NodeRef
        public var productPairs: Int
        public var examples: [String]
    }

    public var node: NodeRef
    public var parent: NodeRef?
    public var subNodes: [NodeRef]
    public var chokepointNote: String?
    /// the region the firms are limited to, if any
    public var region: RegionRef?
    public var firmCount: Int
    public var firms: [FirmRow]
    public var byProvince: [Count]
    public var products: [ProductCount]
    public var upstream: [LinkedNode]
    public var downstream: [LinkedNode]
}

public enum NodeExplorer {
    /// Revenue breakdowns list accounting lines beside products (平衡项目, 分部间抵销, 其他业务); they are not products.
    public static func isAccountingLine(_ name: String) -> Bool {
        accountingWords.contains { name.contains($0) }
    }
    static let accountingWords = ["平衡项目", "抵销", "抵消", "其他", "合计"]

    public static func report(_ index: SnapshotIndex, links: NodeLinks, node id: String, region code: String? = nil,
                              limit: Int = 50, offset: Int = 0) throws(AnalyticsError) -> NodeExplorerReport {
        guard let node = index.nodesById[id] else { throw .unknownNode(id) }
        var region: Region?
        if let code {
            guard let found = index.regionsByCode[code] else { throw .unknownRegion(code) }
            region = found
        }
        let all = (index.enterprisesByNode[id] ?? []).compactMap { index.enterprisesById[$0] }
        let firms = all.filter { firm in region.map { $0.level == .country || index.enterprise(firm, isIn: $0) } ?? true }
        let evidence = Dictionary(index.data.assignments.filter { $0.nodeId == id || index.nodesById[$0.nodeId]?.parentId == id }
                                    .map { ($0.enterpriseId, $0.evidence) }, uniquingKeysWith: { a, _ in a })
        var provinceCounts: [String: Int] = [:]
        for firm in all { if let code = firm.provinceCode { provinceCounts[code, default: 0] += 1 } }
        var productCounts: [String: Int] = [:]
        for firm in firms {
            // Only biomedicine products: a drug maker's side business (扶梯导轨, 保理) is not what the node makes.
            for product in Set((index.productsByEnterprise[firm.id] ?? []).map(\.product)) where links.products.isBiomedicine(product) {
                productCounts[product, default: 0] += 1
            }
        }
        func linked(_ list: [NodeLinks.Link]?, end: KeyPath<NodeLinks.Link, String>) -> [NodeExplorerReport.LinkedNode] {
            (list ?? []).compactMap { link in
                index.nodesById[link[keyPath: end]].map { .init(node: NodeRef($0), productPairs: link.productPairs, examples: link.examples) }
            }
        }
        return NodeExplorerReport(
            node: NodeRef(node), parent: node.parentId.flatMap { index.nodesById[$0] }.map(NodeRef.init),
            subNodes: index.data.taxonomy.nodes.filter { $0.parentId == id }.map(NodeRef.init),
            chokepointNote: node.chokepointNote,
            region: region.map { RegionRef(code: $0.code, name: $0.name, level: $0.level) },
            firmCount: firms.count,
            // `firmCount` stays the whole count: `offset` and `limit` are a page of the firms, largest first.
            firms: firms.sorted(by: FirmRow.bySize).dropFirst(max(0, offset)).prefix(limit).map { FirmRow($0, index: index, reason: evidence[$0.id]) },
            byProvince: provinceCounts.map { .init(code: $0.key, name: index.regionsByCode[$0.key]?.name ?? $0.key, firms: $0.value) }
                .sorted { ($0.firms, $1.code) > ($1.firms, $0.code) },
            products: productCounts.map { .init(product: $0.key, firms: $0.value) }
                .sorted { ($0.firms, $1.product) > ($1.firms, $0.product) }.prefix(30).map { $0 },
            upstream: linked(links.upstreamOf[id], end: \.upstream),
            downstream: linked(links.downstreamOf[id], end: \.downstream))
    }
}
