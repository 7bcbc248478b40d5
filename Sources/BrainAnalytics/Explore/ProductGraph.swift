import BrainModel

/// The product graph of the knowledge graph (产品 → 上游材料 / 下游产品 / 产品小类) as extracted, with the firms that make
/// each product, indexed once for the product explorer. Firms are linked only through the vetted `ProductLinks`.
public struct ProductGraph: Sendable {
    public struct Edge: Codable, Sendable, Hashable {
        /// `upstream` is an input of `downstream` (a material, or the product a downstream product is made from).
        public var upstream: String
        public var downstream: String
        /// `upstream` for 上游材料, `downstream` for 下游产品, `subclass` for 产品小类 (then `downstream` is the subclass).
        public var kind: String
        /// Whether the vetted product links (`ProductLinks`) keep this edge; set on neighbourhoods only, so the explorer
        /// can show the raw graph and say which of its edges link firms.
        public var accepted: Bool?
    }

    public struct Neighbourhood: Codable, Sendable {
        public struct Product: Codable, Sendable {
            public var name: String
            public var makers: Int
            /// neighbours beyond the cap, for an "expand" control
            public var moreUpstream: Int
            public var moreDownstream: Int
        }
        public var center: String
        public var products: [Product]
        public var edges: [Edge]
        public var fanout: Int
    }

    /// inputs of a product, as edges (upstream materials, and products it is listed as downstream of)
    let inputs: [String: [Edge]]
    /// outputs of a product
    let outputs: [String: [Edge]]
    public let makers: [String: [String]]
    public let productNames: [String]
    /// UTF-8 bytes of each name, for `ByteSearch` over tens of thousands of names.
    let nameBytes: [[UInt8]]

    public init(_ index: SnapshotIndex) {
        var inputs: [String: [Edge]] = [:], outputs: [String: [Edge]] = [:]
        var seen = Set<Edge>()
        for relation in index.data.productRelations {
            // Normalise direction: an edge always runs from the input to what is made of it.
            let edge: Edge = switch relation.kind {
            case .upstreamMaterial: Edge(upstream: relation.to, downstream: relation.from, kind: "upstream")
            case .downstreamProduct: Edge(upstream: relation.from, downstream: relation.to, kind: "downstream")
            case .subclass: Edge(upstream: relation.from, downstream: relation.to, kind: "subclass")
            }
            guard edge.upstream != edge.downstream, seen.insert(edge).inserted else { continue }
            inputs[edge.downstream, default: []].append(edge)
            outputs[edge.upstream, default: []].append(edge)
        }
        var makers: [String: [String]] = [:]
        for product in index.data.products { makers[product.product, default: []].append(product.enterpriseId) }
        self.inputs = inputs
        self.outputs = outputs
        self.makers = makers.mapValues { Array(Set($0)).sorted() }
        // In UTF-8 byte order, which is code point order: the same as String's for these names and several times
        // faster than its Unicode-aware comparison over ~100,000 Chinese names.
        productNames = Array(Set(makers.keys).union(inputs.keys).union(outputs.keys)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        nameBytes = productNames.map { Array($0.utf8) }
    }

    public func contains(_ product: String) -> Bool { makers[product] != nil || inputs[product] != nil || outputs[product] != nil }

    /// Inputs of `product` (materials and parent products), those with the most makers first.
    public func inputs(of product: String) -> [Edge] { ranked(inputs[product] ?? [], by: \.upstream) }
    /// Products made from `product`, those with the most makers first.
    public func outputs(of product: String) -> [Edge] { ranked(outputs[product] ?? [], by: \.downstream) }

    func ranked(_ edges: [Edge], by end: KeyPath<Edge, String>) -> [Edge] {
        edges.sorted { (makers[$0[keyPath: end]]?.count ?? 0, $1[keyPath: end]) > (makers[$1[keyPath: end]]?.count ?? 0, $0[keyPath: end]) }
    }

    /// The product with its direct inputs and outputs, at most `fanout` each way (the rest counted, not drawn); with
    /// `vetted`, each edge says whether it is an accepted product link.
    public func neighbourhood(of product: String, fanout: Int, vetted: ProductLinks? = nil) -> Neighbourhood {
        let up = inputs(of: product), down = outputs(of: product)
        var edges = Array(up.prefix(fanout)) + Array(down.prefix(fanout))
        if let vetted {
            for i in edges.indices {
                let edge = edges[i]
                edges[i].accepted = edge.kind != "subclass" && (vetted.inputs[edge.downstream] ?? []).contains { $0.upstream == edge.upstream }
            }
        }
        var names = [product]
        for edge in edges { for name in [edge.upstream, edge.downstream] where !names.contains(name) { names.append(name) } }
        let products = names.map { name in
            Neighbourhood.Product(name: name, makers: makers[name]?.count ?? 0,
                                  moreUpstream: max(0, (inputs[name]?.count ?? 0) - (name == product ? fanout : 0)),
                                  moreDownstream: max(0, (outputs[name]?.count ?? 0) - (name == product ? fanout : 0)))
        }
        return Neighbourhood(center: product, products: products, edges: edges, fanout: fanout)
    }

    /// Product names containing `text`, those made by most firms first.
    public func search(_ text: String, limit: Int) -> [String] {
        let needle = Array(text.utf8)
        guard !needle.isEmpty else { return [] }
        return productNames.indices.filter { ByteSearch.contains(nameBytes[$0], needle) }.map { productNames[$0] }
            .sorted { (makers[$0]?.count ?? 0, $1) > (makers[$1]?.count ?? 0, $0) }
            .prefix(limit).map { $0 }
    }
}
