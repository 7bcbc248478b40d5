import BrainModel

/// Upstream links between chain nodes, counted from the vetted product links (`ProductLinks`): when an input product on
/// node B goes into a product on node A along the chain's tiers, A draws on B. Only links between biomedicine products
/// count, so a capsule of health food does not tie 重组蛋白 to 中成药 and coal tar does not feed 医药中间体.
public struct NodeLinks: Sendable {
    public struct Link: Codable, Sendable, Hashable {
        public var downstream: String
        public var upstream: String
        public var productPairs: Int
        /// a few product pairs as evidence, e.g. "清开灵注射液 ← 板蓝根"
        public var examples: [String]
    }

    public let links: [Link]
    public let upstreamOf: [String: [Link]]
    public let downstreamOf: [String: [Link]]
    /// the vetted product links the node links were counted from (also the judge of a node's main products)
    public let products: ProductLinks

    public init(_ index: SnapshotIndex) { self.init(ProductLinks(index)) }

    public init(_ products: ProductLinks) {
        self.products = products
        var counts: [[String]: (Int, [String])] = [:]
        for link in products.links.sorted(by: { ($0.downstream, $0.upstream) < ($1.downstream, $1.upstream) }) {
            for pair in link.nodePairs where pair.count == 2 {
                let key = [pair[1], pair[0]]
                var entry = counts[key] ?? (0, [])
                entry.0 += 1
                if entry.1.count < 3 { entry.1.append("\(link.downstream) ← \(link.upstream)") }
                counts[key] = entry
            }
        }
        links = counts.map { key, value in Link(downstream: key[0], upstream: key[1], productPairs: value.0, examples: value.1) }
            .sorted { ($0.productPairs, $1.downstream, $1.upstream) > ($1.productPairs, $0.downstream, $0.upstream) }
        upstreamOf = Dictionary(grouping: links, by: \.downstream)
        downstreamOf = Dictionary(grouping: links, by: \.upstream)
    }
}
