import BrainModel

/// 延链: which of a region's non-strong nodes extend its strong ones, and how much. The one rule the region page's 延链
/// section, `brain analyze gaps` and the 延链 target strategy share, so the section and the target list never disagree:
///
/// - a product link: the node supplies a strong node or processes its products (the vetted product graph); its weight is
///   √(its product pairs to strong nodes / the most any node here has), so a node with a quarter of the links counts half;
/// - failing that, a chain link: the node is a strong node's parent, sub-node or sibling sub-node on the chain tree
///   (the product graph seldom ties these, so 延链 listed nobody in most regions); it weighs `chainNeighbourWeight`.
public struct ChainExtension: Sendable {
    public struct ProductLink: Sendable {
        public var strong: NodeRef
        /// true when the node is upstream of the strong node (supplies it), false when downstream (processes its products)
        public var upstream: Bool
        public var productPairs: Int
        public var example: String
    }

    public struct Node: Sendable {
        public var node: NodeRef
        /// 0…1: what the node counts for under 延链
        public var weight: Double
        /// product links to strong nodes, most product pairs first
        public var productLinks: [ProductLink]
        /// the strong node it sits beside on the chain, set only where no product link ties it to one
        public var chainNeighbour: NodeRef?

        public var productPairs: Int { productLinks.reduce(0) { $0 + $1.productPairs } }
        /// The reasons that say which link puts the node under 延链.
        public var reasons: [Reason] {
            productLinks.map { link in
                Reason(link.upstream ? "gap.upstream-of-strong" : "gap.downstream-of-strong",
                       ["node": link.strong.nameZh, "node.en": link.strong.nameEn, "pairs": String(link.productPairs), "example": link.example])
            } + (chainNeighbour.map { [Reason("gap.chain-neighbour-of-strong", ["node": $0.nameZh, "node.en": $0.nameEn])] } ?? [])
        }
    }

    /// What a chain neighbour alone counts for: half of the most product-linked node's.
    public static let chainNeighbourWeight = 0.5

    /// The nodes extending the strong ones, keyed by node id; nodes with no link are absent.
    public let nodes: [String: Node]

    /// - Parameter strongIds: the region's strong nodes (status "strong" in `ChainGaps`).
    public init(index: SnapshotIndex, links: NodeLinks, nodeIds: [String], strongIds: Set<String>) {
        let nodesById = index.nodesById
        var found: [String: Node] = [:]
        for id in nodeIds where !strongIds.contains(id) {
            guard let node = nodesById[id] else { continue }
            // Upstream of a strong node (it supplies it) or downstream of one (it processes its products).
            let candidates = (links.downstreamOf[id] ?? []).filter { strongIds.contains($0.downstream) }.map { ($0.downstream, $0, true) }
                + (links.upstreamOf[id] ?? []).filter { strongIds.contains($0.upstream) }.map { ($0.upstream, $0, false) }
            let productLinks = candidates.compactMap { strongId, link, upstream -> ProductLink? in
                guard let strong = nodesById[strongId] else { return nil }
                return ProductLink(strong: NodeRef(strong), upstream: upstream, productPairs: link.productPairs, example: link.examples.first ?? "–")
            }.sorted { ($0.productPairs, $1.strong.id) > ($1.productPairs, $0.strong.id) }
            if !productLinks.isEmpty {
                found[id] = Node(node: NodeRef(node), weight: 0, productLinks: productLinks, chainNeighbour: nil)
                continue
            }
            let beside = strongIds.sorted().first { strongId in
                guard let strong = nodesById[strongId] else { return false }
                return node.parentId == strongId || strong.parentId == id || (node.parentId != nil && node.parentId == strong.parentId)
            }
            if let beside, let strong = nodesById[beside] {
                found[id] = Node(node: NodeRef(node), weight: Self.chainNeighbourWeight, productLinks: [], chainNeighbour: NodeRef(strong))
            }
        }
        let most = Double(found.values.map(\.productPairs).max() ?? 0)
        for (id, entry) in found where !entry.productLinks.isEmpty && most > 0 {
            // Square root: a node with a quarter of the most links still counts half, so a few strong links are not drowned.
            found[id]?.weight = (Double(entry.productPairs) / most).squareRoot()
        }
        nodes = found
    }
}
