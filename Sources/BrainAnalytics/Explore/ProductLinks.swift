import BrainModel
import Foundation

/// The product links an analyst accepts, built once per snapshot and used by every consumer (supplier and customer
/// firms, 招商 link reasons, node links and 延链, a node's main products).
///
/// Each relation of the knowledge graph, with its direction normalised (input → what is made of it), is kept only when
/// both ends are biomedicine products on chain nodes (`ProductClassifier`) and some pair of their nodes runs along the
/// chain's tiers — upstream → midstream → downstream, or a step within a tier that the vocabulary names (医药中间体 →
/// 原料药) — into a node the upstream node feeds (a herb feeds Chinese medicine). Every other relation is dropped and counted under the first reason that applies (`DropReason`).
public struct ProductLinks: Sendable {
    public enum DropReason: String, Codable, Sendable, CaseIterable {
        /// 产品小类: a product class and its subclass, not a supply relation
        case subclass
        /// an end is a generic line (服务, 贸易, 保理, 其他), or a name more than `maxMakers` firms list (原料药)
        case generic
        /// an end is not a biomedicine product (煤焦油, 扶梯导轨)
        case nonBiomedicine = "non-biomedicine"
        /// an end is biomedicine but its name settles no node (药品, 注射液 that no firm on a node makes)
        case nodeUnsettled = "node-unsettled"
        /// both ends on one node, or a node and its parent (or the same product)
        case withinNode = "within-node"
        /// both ends in one tier, and no step the chain takes within it
        case sameTier = "same-tier"
        /// from a later tier to an earlier one
        case againstTiers = "against-tiers"
        /// along the tiers, but not into what the upstream node feeds (`ProductVocabulary.feeds`: 黄芪 → a vaccine)
        case notFed = "not-fed"
    }

    public struct Link: Codable, Sendable, Hashable {
        /// an input of `downstream`
        public var upstream: String
        public var downstream: String
        /// the node pairs (upstream node, downstream node) along the tiers, sorted
        public var nodePairs: [[String]]
    }

    public let links: [Link]
    /// vetted links by their downstream product (its inputs) and by their upstream product (what is made of it)
    public let inputs: [String: [Link]]
    public let outputs: [String: [Link]]
    /// relations of the graph after normalising direction and removing duplicates
    public let relationCount: Int
    public let dropped: [DropReason: Int]
    /// a few dropped relations per reason, "A → B", for the bench
    public let droppedExamples: [DropReason: [String]]
    /// firms on the chain that make each product
    public let makers: [String: [String]]
    /// every name the links saw, and the verdict on those classified (by id; nil for a name only in 产品小类)
    let names: ProductNameTable
    let verdicts: [ProductClassifier.Verdict?]
    let tierRank: [String: Int]
    let steps: Set<[String]>
    let feeds: [String: Set<String>]

    public init(_ index: SnapshotIndex) {
        let classifier = ProductClassifier(taxonomy: index.data.taxonomy)
        let relations = index.data.productRelations
        // Names interned once (issue 14): everything below works on ids, not on ~100,000 Chinese strings.
        var table = ProductNameTable(capacity: relations.count)
        var makerSets: [Set<String>] = []
        for product in index.data.products {
            let id = Int(table.intern(product.product))
            if id == makerSets.count { makerSets.append([]) }
            makerSets[id].insert(product.enterpriseId)
        }
        let madeCount = makerSets.count
        // Each relation's ends, normalised (input → what is made of it), and which names need a verdict.
        var ends: [(upstream: Int32, downstream: Int32)] = []
        ends.reserveCapacity(relations.count)
        var classified = [Bool](repeating: true, count: madeCount)
        for relation in relations {
            let (upstream, downstream) = relation.kind == .upstreamMaterial ? (relation.to, relation.from) : (relation.from, relation.to)
            let pair = (table.intern(upstream), table.intern(downstream))
            ends.append(pair)
            if classified.count < table.count { classified.append(contentsOf: repeatElement(false, count: table.count - classified.count)) }
            if relation.kind != .subclass { classified[Int(pair.0)] = true; classified[Int(pair.1)] = true }
        }
        let genericIds = Set(classifier.genericNameList.compactMap { table.id(of: $0) })
        // Every name of a firm's product line or of a relation, classified once, on every core (each name's verdict
        // depends on the name and its makers only): most of the time building the links goes here.
        let toClassify = (0..<table.count).filter { classified[$0] }
        let verdictList = Self.classifyAll(toClassify) { [table, makerSets, genericIds] id in
            let name = table.names[id]
            let makers = id < makerSets.count ? makerSets[id] : []
            let nodes = makers.reduce(into: Set<String>()) { $0.formUnion(index.nodesByEnterprise[$1] ?? []) }
            let generic = genericIds.contains(Int32(id)) || ProductClassifier.isAccountingLine(name)
            return classifier.classify(name, makerNodes: nodes, genericName: generic)
        }
        var verdicts = [ProductClassifier.Verdict?](repeating: nil, count: table.count)
        for (id, verdict) in zip(toClassify, verdictList) { verdicts[id] = verdict }
        (tierRank, steps, feeds) = Self.chainOrder(index)
        var makers: [String: [String]] = [:]
        for id in 0..<madeCount {
            let onChain = makerSets[id].filter { index.nodesByEnterprise[$0] != nil }
            if !onChain.isEmpty { makers[table.names[id]] = onChain.sorted() }
        }
        self.makers = makers

        // A name more firms list than `maxMakers` is a generic word of the graph for linking (原料药, 医疗器械),
        // though still a biomedicine main product.
        func forLinking(_ id: Int32) -> ProductClassifier.Verdict {
            let i = Int(id)
            if i < madeCount && makerSets[i].count > classifier.maxMakers { return .generic }
            return verdicts[i] ?? classifier.classify(table.names[i], makerNodes: [])
        }
        var seen = Set<UInt64>(), kept: [Link] = [], dropped: [DropReason: Int] = [:], examples: [DropReason: [String]] = [:]
        seen.reserveCapacity(relations.count)
        for (relation, pair) in zip(relations, ends) {
            // ids are below 2^31: upstream, downstream and the subclass flag fit one UInt64
            let key = UInt64(UInt32(pair.upstream)) << 32 | UInt64(UInt32(pair.downstream)) << 1 | (relation.kind == .subclass ? 1 : 0)
            guard seen.insert(key).inserted else { continue }
            let (upstream, downstream) = relation.kind == .upstreamMaterial ? (relation.to, relation.from) : (relation.from, relation.to)
            let outcome: Outcome = relation.kind == .subclass ? .dropped(.subclass)
                : Self.vet(forLinking(pair.upstream), forLinking(pair.downstream), same: pair.upstream == pair.downstream,
                           index: index, tierRank: tierRank, steps: steps, feeds: feeds)
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
        names = table
        self.verdicts = verdicts
    }

    enum Outcome { case kept([[String]]), dropped(DropReason) }

    /// Each node's tier rank, the steps the chain takes within a tier, and what each node feeds (from the taxonomy).
    static func chainOrder(_ index: SnapshotIndex) -> (tierRank: [String: Int], steps: Set<[String]>, feeds: [String: Set<String>]) {
        (Dictionary(uniqueKeysWithValues: index.data.taxonomy.nodes.map { ($0.id, ChainTier.allCases.firstIndex(of: $0.tier) ?? 0) }),
         Set(index.data.taxonomy.productVocabulary?.withinTierSteps ?? []),
         (index.data.taxonomy.productVocabulary?.feeds ?? [:]).mapValues(Set.init))
    }

    /// `classify` of each id, computed in as many chunks as there are cores.
    static func classifyAll(_ ids: [Int], classify: @Sendable (Int) -> ProductClassifier.Verdict) -> [ProductClassifier.Verdict] {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, ids.count / 1_000))
        let results = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            results.set(chunk, ids[ids.count * chunk / chunks ..< ids.count * (chunk + 1) / chunks].map(classify))
        }
        return results.all.flatMap { $0 }
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
    public func isBiomedicine(_ product: String) -> Bool {
        if case .biomedicine = verdict(of: product) { return true }
        return false
    }

    func verdict(of product: String) -> ProductClassifier.Verdict? { names.id(of: product).flatMap { verdicts[Int($0)] } }

    /// The chain nodes a product sits on (empty when it is not biomedicine or its node is unsettled).
    public func nodes(of product: String) -> Set<String> {
        if case .biomedicine(let nodes) = verdict(of: product) { return nodes }
        return []
    }

    /// Whether a link runs along the tiers: every node pair it keeps does.
    public func runsAlongTiers(_ link: Link) -> Bool {
        link.nodePairs.allSatisfy { pair in pair.count == 2 && ((tierRank[pair[0]] ?? 0) < (tierRank[pair[1]] ?? 0) || steps.contains(pair)) }
    }
}

/// Each chunk's verdicts, written by the chunk's own thread into its own slot.
private final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[ProductClassifier.Verdict]]
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ chunk: Int, _ verdicts: [ProductClassifier.Verdict]) { lock.withLock { slots[chunk] = verdicts } }
    var all: [[ProductClassifier.Verdict]] { lock.withLock { slots } }
}
