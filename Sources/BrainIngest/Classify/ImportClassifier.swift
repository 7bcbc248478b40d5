import Foundation
import BrainModel

/// Places a firm from a user's file on chain nodes from what such files hold: 所属行业 (a GB/T 4754-2017 code or class
/// name) and 经营范围 (business scope text), each assignment with its confidence and evidence.
///
/// - 所属行业 names a class: the nodes carrying that code (the most specific class first); 0.7, or 0.85 when the scope
///   also names the node. A class that is the whole division (27 医药制造业) makes the firm biomedicine but leaves the
///   node to the scope.
/// - 经营范围 alone: nodes whose keywords appear (keywords of two or more Chinese characters, or three or more Latin
///   letters — 丸, CT and DR say nothing in scope text); 0.4, plus 0.1 per further keyword, at most 0.6.
/// - A firm is biomedicine when its industry class is in the chain's classes, or, without an industry, when the scope
///   names one node by two keywords (one short keyword such as 试剂 or 医院 is too weak alone).
public struct ImportClassifier: Sendable {
    public struct Result: Sendable, Equatable {
        public var assignments: [NodeEvidence]
        public var isBiomedicine: Bool
    }

    let taxonomy: ChainTaxonomy
    /// GB/T 4754-2017 code → class name, longest names first for matching.
    let classNames: [(code: String, name: String)]
    /// Each node's usable keywords (see above) as upper-cased UTF-8 bytes: matched byte-wise, 20× faster than
    /// `String.contains` on Linux.
    private let keywordBytes: [(node: String, keyword: String, bytes: [UInt8])]
    /// Nodes matched across the chain by what a firm does, not by its industry class.
    static let crossCutting: Set<String> = ["cdmo", "cso", "digital-health"]

    public init(taxonomy: ChainTaxonomy, classNames: [String: String]) {
        self.taxonomy = taxonomy
        self.classNames = classNames.map { (code: $0.key, name: $0.value) }
            .sorted { ($0.name.count, $0.code.count, $0.code) > ($1.name.count, $1.code.count, $1.code) }
        var keywords: [String: [String]] = [:]
        for node in taxonomy.nodes {
            keywords[node.id] = node.keywords.filter { keyword in
                keyword.allSatisfy(\.isASCII) ? keyword.count >= 3 : keyword.count >= 2
            }
        }
        keywordBytes = taxonomy.nodes.flatMap { node in
            (keywords[node.id] ?? []).map { (node.id, $0, Self.foldedBytes($0)) }
        }
    }

    /// Half-width, ASCII upper-cased UTF-8.
    static func foldedBytes(_ text: String) -> [UInt8] {
        TextNormalizer.halfWidth(text).utf8.map { (97...122).contains($0) ? $0 - 32 : $0 }
    }

    /// Loads the chain and the class names from the data folder.
    public static func load(dataFolder: URL) throws -> ImportClassifier {
        let taxonomy = try BundleLoader.loadTaxonomy(dataFolder.appendingPathComponent("chain/biomedicine.json"), file: "chain/biomedicine.json")
        let table = try CSVTable(url: dataFolder.appendingPathComponent("chain/gbt4754-2017-biomedicine.csv"),
                                 file: "chain/gbt4754-2017-biomedicine.csv", requiredColumns: ["code", "name"])
        var names: [String: String] = [:]
        for row in table.rows { names[try row.required("code")] = try row.required("name") }
        return ImportClassifier(taxonomy: taxonomy, classNames: names)
    }

    /// The GB/T 4754 code an industry text gives: a code written out (C2720, 2720) or a class name it contains.
    func industryCode(_ industry: String) -> (code: String, label: String)? {
        let text = TextNormalizer.halfWidth(industry).uppercased()
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber { digits.append(character) } else if !digits.isEmpty { break }
        }
        if (2...4).contains(digits.count) {
            return (digits, classNames.first { $0.code == digits }.map { "\(digits) \($0.name)" } ?? digits)
        }
        return classNames.first { text.contains($0.name) }.map { ($0.code, "\($0.code) \($0.name)") }
    }

    public func classify(industry: String?, scope: String?) -> Result {
        let scopeHits = scope.map(scopeMatches) ?? [:]
        var result: [NodeEvidence] = []
        var biomedicine = false
        let industryClass = industry.flatMap(industryCode)
        if let (code, label) = industryClass {
            biomedicine = classNames.contains { $0.code == code } || taxonomy.nodes.contains { $0.gbt4754.contains { code.hasPrefix($0) } }
            // Nodes of exactly this class or of a broader class containing it, most specific first.
            let nodes = taxonomy.nodes.filter { node in !Self.crossCutting.contains(node.id) && node.gbt4754.contains { code.hasPrefix($0) } }
            let chosen = nodes.filter { scopeHits[$0.id] != nil }
            let picked = chosen.isEmpty ? Array(nodes.filter { $0.parentId == nil }.prefix(1)) : chosen
            for node in picked {
                let agreed = scopeHits[node.id].map { $0.joined(separator: "、") }
                let reason = agreed.map { Reason("evidence.industry-class-scope", ["label": label, "words": $0]) }
                    ?? Reason("evidence.industry-class", ["label": label])
                result.append(NodeEvidence(nodeId: node.id, method: "import-industry", confidence: agreed == nil ? 0.7 : 0.85,
                                           evidence: ChainEvidence.encode([reason])))
            }
        }
        let placed = Set(result.map(\.nodeId))
        for node in taxonomy.nodes {
            guard let hits = scopeHits[node.id], !placed.contains(node.id) else { continue }
            result.append(NodeEvidence(nodeId: node.id, method: "import-scope", confidence: min(0.6, 0.4 + 0.1 * Double(hits.count - 1)),
                                       evidence: ChainEvidence.encode([Reason("evidence.scope", ["words": hits.joined(separator: "、")])])))
            if industryClass == nil, hits.count >= 2 { biomedicine = true }
        }
        // A sub-node makes its parent's own scope match redundant.
        let parentsOfPlaced = Set(result.compactMap { taxonomy.node($0.nodeId)?.parentId })
        result.removeAll { $0.method == "import-scope" && parentsOfPlaced.contains($0.nodeId) }
        return Result(assignments: result, isBiomedicine: biomedicine)
    }

    /// node → the keywords of it the scope contains.
    func scopeMatches(_ scope: String) -> [String: [String]] {
        let text = Self.foldedBytes(scope)
        var hits: [String: [String]] = [:]
        for (node, keyword, bytes) in keywordBytes where ByteSearch.contains(text, bytes) { hits[node, default: []].append(keyword) }
        return hits
    }
}
