import Foundation
@testable import BrainAnalytics
import BrainModel

// The product links and product graph as computed before names were interned (issue 14), kept word for word as the
// oracle the interned computation must match (ProductLinksInterningTests). Not used by the product.

struct LegacyProductLinks: Sendable {
    typealias DropReason = ProductLinks.DropReason

    typealias Link = ProductLinks.Link

    let links: [Link]
    /// vetted links by their downstream product (its inputs) and by their upstream product (what is made of it)
    let inputs: [String: [Link]]
    let outputs: [String: [Link]]
    /// relations of the graph after normalising direction and removing duplicates
    let relationCount: Int
    let dropped: [DropReason: Int]
    /// a few dropped relations per reason, "A → B", for the bench
    let droppedExamples: [DropReason: [String]]
    /// firms on the chain that make each product
    let makers: [String: [String]]
    let verdicts: [String: ProductClassifier.Verdict]
    let tierRank: [String: Int]
    let steps: Set<[String]>
    let feeds: [String: Set<String>]

    init(_ index: SnapshotIndex) {
        let classifier = ProductClassifier(taxonomy: index.data.taxonomy)
        var allMakers: [String: Set<String>] = [:]
        for product in index.data.products { allMakers[product.product, default: []].insert(product.enterpriseId) }
        // Every name of a firm's product line or of a relation, classified once, on every core (each name's verdict
        // depends on the name and its makers only): most of the time building the links goes here.
        var names = Set(allMakers.keys)
        for relation in index.data.productRelations where relation.kind != .subclass {
            names.insert(relation.from)
            names.insert(relation.to)
        }
        let verdicts = Self.classifyAll(Array(names), classifier: classifier) { [allMakers] name in
            (allMakers[name] ?? []).reduce(into: Set<String>()) { $0.formUnion(index.nodesByEnterprise[$1] ?? []) }
        }
        func verdict(_ name: String) -> ProductClassifier.Verdict {
            verdicts[name] ?? classifier.classify(name, makerNodes: [])
        }
        tierRank = Dictionary(uniqueKeysWithValues: index.data.taxonomy.nodes.map { ($0.id, ChainTier.allCases.firstIndex(of: $0.tier) ?? 0) })
        steps = Set((index.data.taxonomy.productVocabulary?.withinTierSteps ?? []))
        feeds = (index.data.taxonomy.productVocabulary?.feeds ?? [:]).mapValues(Set.init)
        makers = allMakers.mapValues { $0.filter { index.nodesByEnterprise[$0] != nil }.sorted() }.filter { !$0.value.isEmpty }

        var seen = Set<[String]>(), kept: [Link] = [], dropped: [DropReason: Int] = [:], examples: [DropReason: [String]] = [:]
        for relation in index.data.productRelations {
            let (upstream, downstream) = relation.kind == .upstreamMaterial ? (relation.to, relation.from) : (relation.from, relation.to)
            guard seen.insert([upstream, downstream, relation.kind == .subclass ? "s" : "i"]).inserted else { continue }
            let outcome: Outcome
            if relation.kind == .subclass { outcome = .dropped(.subclass) } else {
                // A name more firms list than `maxMakers` is a generic word of the graph for linking (原料药, 医疗器械),
                // though still a biomedicine main product.
                func forLinking(_ name: String) -> ProductClassifier.Verdict {
                    (allMakers[name]?.count ?? 0) > classifier.maxMakers ? .generic : verdict(name)
                }
                outcome = Self.vet(forLinking(upstream), forLinking(downstream), same: upstream == downstream,
                                   index: index, tierRank: tierRank, steps: steps, feeds: feeds)
            }
            switch outcome {
            case .kept(let pairs): kept.append(Link(upstream: upstream, downstream: downstream, nodePairs: pairs))
            case .dropped(let reason):
                dropped[reason, default: 0] += 1
                if examples[reason, default: []].count < 5 { examples[reason, default: []].append("\(upstream) → \(downstream)") }
            }
        }
        relationCount = seen.count
        links = kept
        inputs = Dictionary(grouping: kept, by: \.downstream)
        outputs = Dictionary(grouping: kept, by: \.upstream)
        self.dropped = dropped
        droppedExamples = examples
        self.verdicts = verdicts
    }

    enum Outcome { case kept([[String]]), dropped(DropReason) }

    /// `classifier`'s verdict on each name, computed in as many chunks as there are cores.
    static func classifyAll(_ names: [String], classifier: ProductClassifier,
                            makerNodes: @Sendable (String) -> Set<String>) -> [String: ProductClassifier.Verdict] {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, names.count / 1_000))
        let results = LegacyChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let part = names[names.count * chunk / chunks ..< names.count * (chunk + 1) / chunks]
            results.set(chunk, part.map { classifier.classify($0, makerNodes: makerNodes($0)) })
        }
        var verdicts: [String: ProductClassifier.Verdict] = [:]
        verdicts.reserveCapacity(names.count)
        for (chunk, verdictsOfChunk) in results.all.enumerated() {
            let part = names[names.count * chunk / chunks ..< names.count * (chunk + 1) / chunks]
            for (name, verdict) in zip(part, verdictsOfChunk) { verdicts[name] = verdict }
        }
        return verdicts
    }

    static func vet(_ up: ProductClassifier.Verdict, _ down: ProductClassifier.Verdict, same: Bool, index: SnapshotIndex,
                    tierRank: [String: Int], steps: Set<[String]>, feeds: [String: Set<String>]) -> Outcome {
        if same { return .dropped(.withinNode) }
        if up == .generic || down == .generic { return .dropped(.generic) }
        guard case .biomedicine(let upNodes) = up, case .biomedicine(let downNodes) = down else { return .dropped(.nonBiomedicine) }
        if upNodes.isEmpty || downNodes.isEmpty { return .dropped(.nodeUnsettled) }
        func lineage(_ id: String) -> Set<String> {
            var result: Set<String> = [], cursor: String? = id
            while let node = cursor, result.insert(node).inserted { cursor = index.nodesById[node]?.parentId }
            return result
        }
        var forward: [[String]] = [], sameTier = false, against = false
        for a in upNodes {
            for b in downNodes where !lineage(a).contains(b) && !lineage(b).contains(a) {
                let ra = tierRank[a] ?? 0, rb = tierRank[b] ?? 0
                if ra < rb || steps.contains([a, b]) { forward.append([a, b]) } else if ra == rb { sameTier = true } else { against = true }
            }
        }
        let fed = forward.filter { pair in feeds[pair[0]].map { !$0.isDisjoint(with: lineage(pair[1])) } ?? true }
        if !fed.isEmpty { return .kept(fed.sorted { $0.lexicographicallyPrecedes($1) }) }
        if !forward.isEmpty { return .dropped(.notFed) }
        return .dropped(against ? .againstTiers : sameTier ? .sameTier : .withinNode)
    }

    /// Whether the name is a biomedicine product (listed among a firm's main products; 扶梯导轨 and 保理 are not).
    func isBiomedicine(_ product: String) -> Bool {
        if case .biomedicine = verdicts[product] { return true }
        return false
    }

    /// The chain nodes a product sits on (empty when it is not biomedicine or its node is unsettled).
    func nodes(of product: String) -> Set<String> {
        if case .biomedicine(let nodes) = verdicts[product] { return nodes }
        return []
    }

    /// Whether a link runs along the tiers: every node pair it keeps does.
    func runsAlongTiers(_ link: Link) -> Bool {
        link.nodePairs.allSatisfy { pair in pair.count == 2 && ((tierRank[pair[0]] ?? 0) < (tierRank[pair[1]] ?? 0) || steps.contains(pair)) }
    }
}

/// Each chunk's verdicts, written by the chunk's own thread into its own slot.
private final class LegacyChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[ProductClassifier.Verdict]]
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ chunk: Int, _ verdicts: [ProductClassifier.Verdict]) { lock.withLock { slots[chunk] = verdicts } }
    var all: [[ProductClassifier.Verdict]] { lock.withLock { slots } }
}

struct LegacyProductGraph: Sendable {
    typealias Edge = ProductGraph.Edge

    typealias Neighbourhood = ProductGraph.Neighbourhood

    /// inputs of a product, as edges (upstream materials, and products it is listed as downstream of)
    let inputs: [String: [Edge]]
    /// outputs of a product
    let outputs: [String: [Edge]]
    let makers: [String: [String]]
    let productNames: [String]
    /// UTF-8 bytes of each name, for `ByteSearch` over tens of thousands of names.
    let nameBytes: [[UInt8]]

    init(_ index: SnapshotIndex) {
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

    func contains(_ product: String) -> Bool { makers[product] != nil || inputs[product] != nil || outputs[product] != nil }

    /// Inputs of `product` (materials and parent products), those with the most makers first.
    func inputs(of product: String) -> [Edge] { ranked(inputs[product] ?? [], by: \.upstream) }
    /// Products made from `product`, those with the most makers first.
    func outputs(of product: String) -> [Edge] { ranked(outputs[product] ?? [], by: \.downstream) }

    func ranked(_ edges: [Edge], by end: KeyPath<Edge, String>) -> [Edge] {
        edges.sorted { (makers[$0[keyPath: end]]?.count ?? 0, $1[keyPath: end]) > (makers[$1[keyPath: end]]?.count ?? 0, $0[keyPath: end]) }
    }

    /// The product with its direct inputs and outputs, at most `fanout` each way (the rest counted, not drawn); with
    /// `vetted`, each edge says whether it is an accepted product link.
    func neighbourhood(of product: String, fanout: Int, vetted: LegacyProductLinks? = nil) -> Neighbourhood {
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
            ProductGraph.Neighbourhood.Product(name: name, makers: makers[name]?.count ?? 0,
                                  moreUpstream: max(0, (inputs[name]?.count ?? 0) - (name == product ? fanout : 0)),
                                  moreDownstream: max(0, (outputs[name]?.count ?? 0) - (name == product ? fanout : 0)))
        }
        return Neighbourhood(center: product, products: products, edges: edges, fanout: fanout)
    }

    /// Product names containing `text`, those made by most firms first.
    func search(_ text: String, limit: Int) -> [String] {
        let needle = Array(text.utf8)
        guard !needle.isEmpty else { return [] }
        return productNames.indices.filter { ByteSearch.contains(nameBytes[$0], needle) }.map { productNames[$0] }
            .sorted { (makers[$0]?.count ?? 0, $1) > (makers[$1]?.count ?? 0, $0) }
            .prefix(limit).map { $0 }
    }
}
