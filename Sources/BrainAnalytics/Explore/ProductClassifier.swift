import BrainModel

/// Whether a product name of the knowledge graph is a biomedicine product, and on which chain nodes it sits.
///
/// In order: an accounting line or a generic name or word (服务, 贸易, 保理) is generic; a name with a non-biomedicine word (农药, 太阳能, 机动车) is not biomedicine; a name with a vocabulary
/// term or a node keyword of two or more characters sits on those nodes (a Latin keyword only as a whole word: CT is
/// not in ICT); a name with only a dosage-form or ambiguous keyword (胶囊, 注射液, 口腔) sits on the keyword's nodes that
/// a firm making it is on, else on the one node a dosage form names (颗粒 → 中成药), else its node is unsettled; a name with a biomedicine word (西药, 抗感染类) is biomedicine
/// with its node unsettled; anything else is not biomedicine.
public struct ProductClassifier: Sendable {
    public enum Verdict: Sendable, Hashable {
        case generic
        case nonBiomedicine
        /// A biomedicine product; `nodes` is empty when the name does not settle a node.
        case biomedicine(nodes: Set<String>)
    }

    let vocabulary: ProductVocabulary
    let genericNames: Set<String>
    let genericWords: WordMatcher, nonBiomedicineWords: WordMatcher, biomedicineWords: WordMatcher
    /// words that place a product on a node by themselves (tag: node index), and those that need a maker on the node
    let placing: WordMatcher, weak: WordMatcher
    /// refinement keywords (dosage forms) of the chain file: when they point at one node only, they settle it
    let refinement: WordMatcher
    let nodeIds: [String]

    public init(taxonomy: ChainTaxonomy) {
        let vocabulary = taxonomy.productVocabulary ?? ProductVocabulary()
        self.vocabulary = vocabulary
        genericNames = Set(vocabulary.genericNames)
        genericWords = WordMatcher(vocabulary.genericWords.map { ($0, 0) })
        nonBiomedicineWords = WordMatcher(vocabulary.nonBiomedicineWords.map { ($0, 0) })
        biomedicineWords = WordMatcher(vocabulary.biomedicineWords.map { ($0, 0) })
        let refinements = Set(taxonomy.placement?.refinementKeywords ?? [])
        let ambiguous = Set(vocabulary.ambiguousKeywords).union(refinements)
        nodeIds = taxonomy.nodes.map(\.id)
        var placing: [(String, Int)] = [], weak: [(String, Int)] = [], refinement: [(String, Int)] = []
        for (i, node) in taxonomy.nodes.enumerated() {
            for word in node.keywords where word.count >= 2 {
                if !ambiguous.contains(word) { placing.append((word, i)) } else { weak.append((word, i)) }
                if refinements.contains(word) && !vocabulary.ambiguousKeywords.contains(word) { refinement.append((word, i)) }
            }
            for word in vocabulary.nodeTerms[node.id] ?? [] { placing.append((word, i)) }
        }
        self.placing = WordMatcher(placing)
        self.weak = WordMatcher(weak)
        self.refinement = WordMatcher(refinement)
    }

    public var maxMakers: Int { vocabulary.maxMakers }

    /// The vocabulary's generic names (服务, 贸易), for callers that look them up by id.
    var genericNameList: Set<String> { genericNames }

    /// The accounting words of `NodeExplorer.isAccountingLine` as UTF-8, for plain names (`PlainText`), where a byte
    /// match is a `String` match.
    static let accountingWordBytes = NodeExplorer.accountingWords.map { Array($0.utf8) }

    /// `NodeExplorer.isAccountingLine(name)`, by bytes when the name is plain.
    static func isAccountingLine(_ name: String) -> Bool {
        guard PlainText.isPlain(name) else { return NodeExplorer.isAccountingLine(name) }
        let bytes = Array(name.utf8)
        return accountingWordBytes.contains { ByteSearch.contains(bytes, $0) }
    }

    /// `makerNodes`: the chain nodes of the firms that make it.
    public func classify(_ name: String, makerNodes: Set<String>) -> Verdict {
        classify(name, makerNodes: makerNodes, genericName: genericNames.contains(name) || NodeExplorer.isAccountingLine(name))
    }

    /// `genericName`: the name is one of the vocabulary's generic names or an accounting line (`ProductLinks` works
    /// that out from interned ids and bytes, far faster than `String` hashing and searching over every name).
    func classify(_ name: String, makerNodes: Set<String>, genericName: Bool) -> Verdict {
        let scalars = Array(name.unicodeScalars)
        if genericName || !genericWords.tags(in: scalars).isEmpty { return .generic }
        if !nonBiomedicineWords.tags(in: scalars).isEmpty { return .nonBiomedicine }
        let forms = Set(refinement.tags(in: scalars).map { nodeIds[$0] })
        var direct = Set(placing.tags(in: scalars).map { nodeIds[$0] })
        // A dosage form makes the name a finished medicine: the API or herb it names is its ingredient.
        if !forms.isEmpty { direct.subtract(vocabulary.finishedFormOverrides) }
        if !direct.isEmpty { return .biomedicine(nodes: direct) }
        let candidates = Set(weak.tags(in: scalars).map { nodeIds[$0] })
        if !candidates.isEmpty {
            let made = candidates.intersection(makerNodes)
            if !made.isEmpty { return .biomedicine(nodes: made) }
            // A dosage form that only one node names (颗粒, 口服液 are 中成药's) settles it; 注射液 and 片剂 do not.
            return .biomedicine(nodes: forms.count == 1 ? forms : [])
        }
        if !biomedicineWords.tags(in: scalars).isEmpty { return .biomedicine(nodes: []) }
        return .nonBiomedicine
    }
}

/// Finds which of many words occur in a name in one pass over the name: words are indexed by their first character,
/// so a name is compared only with the words that start at each of its characters (a plain substring search per word
/// took twenty seconds over the graph's 95,000 names in a debug build). Latin words match only as whole words (CT is
/// not in ICT or CTP).
struct WordMatcher: Sendable {
    struct Word: Sendable {
        let scalars: [Unicode.Scalar]
        let tag: Int
        let latin: Bool
    }
    let byFirst: [Unicode.Scalar: [Word]]

    init(_ words: [(String, Int)]) {
        var byFirst: [Unicode.Scalar: [Word]] = [:]
        for (text, tag) in words {
            let scalars = Array(text.unicodeScalars)
            guard let first = scalars.first else { continue }
            byFirst[first, default: []].append(Word(scalars: scalars, tag: tag, latin: scalars.allSatisfy(\.isASCII)))
        }
        self.byFirst = byFirst
    }

    func tags(in name: [Unicode.Scalar]) -> Set<Int> {
        var found: Set<Int> = []
        for start in name.indices {
            guard let words = byFirst[name[start]] else { continue }
            for word in words where !found.contains(word.tag) && start + word.scalars.count <= name.count {
                var j = 1
                while j < word.scalars.count && name[start + j] == word.scalars[j] { j += 1 }
                guard j == word.scalars.count else { continue }
                if word.latin {
                    let end = start + word.scalars.count
                    if start > 0 && Self.isLetter(name[start - 1]) { continue }
                    if end < name.count && Self.isLetter(name[end]) { continue }
                }
                found.insert(word.tag)
            }
        }
        return found
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && scalar.properties.isAlphabetic }
}
