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

    /// Every name of the graph, interned (issue 14): the edges and makers below are arrays indexed by its ids.
    let names: ProductNameTable
    /// inputs of each product, as edges (upstream materials, and products it is listed as downstream of)
    let inputsById: [[Edge]]
    /// outputs of each product
    let outputsById: [[Edge]]
    /// the firms that make each product, sorted (`makers["青霉素"]`)
    public let makers: Makers
    public let productNames: [String]
    /// UTF-8 bytes of each name, for `ByteSearch` over tens of thousands of names.
    let nameBytes: [[UInt8]]

    /// The firms that make a product, looked up by name like a dictionary (nil for a name no firm lists).
    public struct Makers: Sendable {
        let names: ProductNameTable
        let lists: [[String]]
        public subscript(product: String) -> [String]? {
            guard let id = names.id(of: product).map(Int.init), id < lists.count, !lists[id].isEmpty else { return nil }
            return lists[id]
        }
    }

    public init(_ index: SnapshotIndex) {
        var table = ProductNameTable(capacity: index.data.productRelations.count)
        var makerLists: [[String]] = []
        for product in index.data.products {
            let id = Int(table.intern(product.product))
            if id == makerLists.count { makerLists.append([]) }
            makerLists[id].append(product.enterpriseId)
        }
        var inputs: [[Edge]] = [], outputs: [[Edge]] = []
        // (upstream id, downstream id) per kind: an edge is unique by its ends and kind
        var seen: [String: Set<UInt64>] = [:]
        for relation in index.data.productRelations {
            // Normalise direction: an edge always runs from the input to what is made of it.
            let edge: Edge = switch relation.kind {
            case .upstreamMaterial: Edge(upstream: relation.to, downstream: relation.from, kind: "upstream")
            case .downstreamProduct: Edge(upstream: relation.from, downstream: relation.to, kind: "downstream")
            case .subclass: Edge(upstream: relation.from, downstream: relation.to, kind: "subclass")
            }
            let up = table.intern(edge.upstream), down = table.intern(edge.downstream)
            guard up != down, seen[edge.kind, default: []].insert(UInt64(UInt32(up)) << 32 | UInt64(UInt32(down))).inserted else { continue }
            if inputs.count < table.count {
                inputs.append(contentsOf: repeatElement([], count: table.count - inputs.count))
                outputs.append(contentsOf: repeatElement([], count: table.count - outputs.count))
            }
            inputs[Int(down)].append(edge)
            outputs[Int(up)].append(edge)
        }
        if inputs.count < table.count {
            inputs.append(contentsOf: repeatElement([], count: table.count - inputs.count))
            outputs.append(contentsOf: repeatElement([], count: table.count - outputs.count))
        }
        makerLists.append(contentsOf: repeatElement([], count: table.count - makerLists.count))
        self.names = table
        inputsById = inputs
        outputsById = outputs
        makers = Makers(names: table, lists: makerLists.map { Array(Set($0)).sorted() })
        // Names with makers or an edge, in UTF-8 byte order, which is code point order: the same as String's for
        // these names and several times faster than its Unicode-aware comparison over ~100,000 Chinese names.
        let bytes = table.names.map { Array($0.utf8) }
        let listed = (0..<table.count).filter { !makerLists[$0].isEmpty || !inputs[$0].isEmpty || !outputs[$0].isEmpty }
            .sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
        productNames = listed.map { table.names[$0] }
        nameBytes = listed.map { bytes[$0] }
    }

    public func contains(_ product: String) -> Bool {
        guard let id = names.id(of: product).map(Int.init) else { return false }
        return !makers.lists[id].isEmpty || !inputsById[id].isEmpty || !outputsById[id].isEmpty
    }

    /// The edges into and out of a product (none for a name the graph does not have).
    func inputs(_ product: String) -> [Edge] { names.id(of: product).map { inputsById[Int($0)] } ?? [] }
    func outputs(_ product: String) -> [Edge] { names.id(of: product).map { outputsById[Int($0)] } ?? [] }

    /// Inputs of `product` (materials and parent products), those with the most makers first.
    public func inputs(of product: String) -> [Edge] { ranked(inputs(product), by: \.upstream) }
    /// Products made from `product`, those with the most makers first.
    public func outputs(of product: String) -> [Edge] { ranked(outputs(product), by: \.downstream) }

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
                                  moreUpstream: max(0, inputs(name).count - (name == product ? fanout : 0)),
                                  moreDownstream: max(0, outputs(name).count - (name == product ? fanout : 0)))
        }
        return Neighbourhood(center: product, products: products, edges: edges, fanout: fanout)
    }

    /// Product names containing `text`, those made by most firms first.
    public func search(_ text: String, limit: Int) -> [String] {
        let needle = Array(text.utf8)
        guard !needle.isEmpty else { return [] }
        // Each match's maker count looked up once, not at every comparison of the sort.
        return productNames.indices.filter { ByteSearch.contains(nameBytes[$0], needle) }
            .map { (name: productNames[$0], makers: makers[productNames[$0]]?.count ?? 0) }
            .sorted { ($0.makers, $1.name) > ($1.makers, $0.name) }
            .prefix(limit).map(\.name)
    }
}
