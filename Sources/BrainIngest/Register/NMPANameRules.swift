import Foundation
import BrainModel

/// `data/nmpa/name-rules.json`: which province a licence's first character names, and which name keywords place a
/// licensed manufacturer on a chain node (the first rule whose keyword the name contains; else the default node).
public struct NMPANameRules: Sendable, Decodable {
    public struct Rule: Sendable, Decodable {
        public var node: String
        public var keywords: [String]
        /// what the evidence says instead of the keyword, when given
        public var evidence: String?
    }

    public var licenceProvinces: [String: String]
    public var rules: [Rule]
    /// The node for a name that says nothing about what the firm makes: none (null) — the chain has no node for drug
    /// manufacturing in general, and guessing 化学药 for thousands of firms would be a guess, not a fact.
    public var defaultNode: String?
    public var defaultEvidence: String?

    enum CodingKeys: String, CodingKey {
        case licenceProvinces = "licence_provinces", rules, defaultNode = "default_node", defaultEvidence = "default_evidence"
    }

    public static let file = "nmpa/name-rules.json"

    /// Reads the rules and checks every node they name is in the chain.
    public static func load(dataFolder: URL, taxonomy: ChainTaxonomy) throws(SourceFileError) -> NMPANameRules {
        let rules: NMPANameRules
        do {
            rules = try JSONDecoder().decode(NMPANameRules.self, from: Data(contentsOf: dataFolder.appendingPathComponent(file)))
        } catch {
            throw SourceFileError(file: file, reason: "unreadable: \(error)")
        }
        let known = Set(taxonomy.nodes.map(\.id))
        for node in rules.rules.map(\.node) + [rules.defaultNode].compactMap({ $0 }) where !known.contains(node) {
            throw SourceFileError(file: file, field: "node", value: node, reason: "is not a node of the chain")
        }
        return rules
    }

    /// The chain node the name says, with the words that said it; the default node (if any) when it says none.
    public func classify(_ name: String) -> NodeEvidence? {
        for rule in rules {
            if let word = rule.keywords.first(where: { name.contains($0) }) {
                return NodeEvidence(nodeId: rule.node, method: "import-name", confidence: 0.7, evidence: ChainEvidence.encode([Reason("evidence.company-name", ["words": rule.evidence ?? word])]))
            }
        }
        return defaultNode.map { NodeEvidence(nodeId: $0, method: "import-name", confidence: 0.4, evidence: defaultEvidence ?? "") }
    }
}
