import BrainModel

/// Upstream links between chain nodes, derived from the product graph: when product A lists B as an upstream material
/// (上游材料), every node A belongs to draws on every node B belongs to. A product belongs to a node when its name
/// contains one of the node's keywords of two or more characters. (Mapping products through the firms that make them
/// was tried and dropped: diversified firms tie food and chemicals to drug nodes.)
public struct NodeLinks: Sendable {
    public struct Link: Codable, Sendable, Hashable {
        public var downstream: String
        public var upstream: String
        public var productPairs: Int
        /// a few product pairs as evidence, e.g. "阿莫西林胶囊 ← 青霉素"
        public var examples: [String]
    }

    public let links: [Link]
    public let upstreamOf: [String: [Link]]
    public let downstreamOf: [String: [Link]]

    public init(_ index: SnapshotIndex) {
        let taxonomy = index.data.taxonomy
        // Matched as UTF-8 bytes: String.contains compares Characters and took seconds over every relation's products.
        let keywords = taxonomy.nodes.map { node in (node.id, node.keywords.filter { $0.count >= 2 }.map { Array($0.utf8) }) }
        var keywordCache: [String: Set<String>] = [:]
        func nodes(of product: String) -> Set<String> {
            if let cached = keywordCache[product] { return cached }
            let bytes = Array(product.utf8)
            var result: Set<String> = []
            for (node, words) in keywords where words.contains(where: { ByteSearch.contains(bytes, $0) }) { result.insert(node) }
            keywordCache[product] = result
            return result
        }
        var counts: [String: (Int, [String])] = [:]
        for relation in index.data.productRelations where relation.kind == .upstreamMaterial {
            let downstream = nodes(of: relation.from), upstream = nodes(of: relation.to)
            for d in downstream {
                for u in upstream where u != d && index.nodesById[d]?.parentId != u && index.nodesById[u]?.parentId != d {
                    let key = d + "\u{1}" + u
                    var entry = counts[key] ?? (0, [])
                    entry.0 += 1
                    if entry.1.count < 3 { entry.1.append("\(relation.from) ← \(relation.to)") }
                    counts[key] = entry
                }
            }
        }
        links = counts.map { key, value in
            let parts = key.split(separator: "\u{1}").map(String.init)
            return Link(downstream: parts[0], upstream: parts[1], productPairs: value.0, examples: value.1)
        }.sorted { ($0.productPairs, $1.downstream, $1.upstream) > ($1.productPairs, $0.downstream, $0.upstream) }
        upstreamOf = Dictionary(grouping: links, by: \.downstream)
        downstreamOf = Dictionary(grouping: links, by: \.upstream)
    }
}
