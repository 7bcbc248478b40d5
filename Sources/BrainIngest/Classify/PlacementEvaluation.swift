import Foundation
import BrainModel

/// Chain placements scored against hand-labelled firms (`Tests/labelled/chain-placement.tsv`, see its README).
///
/// A placed node is *wrong* when it is neither an expected nor an acceptable node nor an ancestor of one; for a
/// non-biomedicine firm every node is wrong. A firm is *on its specific node* when at least one expected node is placed.
public struct PlacementEvaluation: Sendable {
    public struct Label: Sendable {
        public var id: String, name: String
        public var expected: Set<String>, acceptable: Set<String>, wrongIf: Set<String>
        public var isBiomedicine: Bool
    }

    /// Per node: precision = its placements that are not wrong / its placements; recall = firms expected on it and
    /// placed there / firms expected on it.
    public struct NodeScore: Sendable {
        public var node: String, placed = 0, placedRight = 0, expected = 0, found = 0
        public var precision: Double? { placed == 0 ? nil : Double(placedRight) / Double(placed) }
        public var recall: Double? { expected == 0 ? nil : Double(found) / Double(expected) }
    }

    public let labels: [Label]
    /// Firms with no wrong node / all firms (biomedicine or not).
    public let noWrongShare: Double
    /// Biomedicine firms on at least one expected node / biomedicine firms.
    public let specificShare: Double
    public let nonBiomedicinePlaced: [String]
    public let clearlyWrong: [(firm: String, node: String)]
    public let wrongFirms: [(firm: String, nodes: [String])]
    public let missedFirms: [String]
    public let nodes: [NodeScore]

    public static func readLabels(_ url: URL) throws(SourceFileError) -> [Label] {
        let file = url.lastPathComponent
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw SourceFileError(file: file, reason: "file is missing or unreadable") }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { throw SourceFileError(file: file, row: 1, reason: "file is empty") }
        var column: [String: Int] = [:]
        for (i, name) in header.enumerated() { column[name] = i }
        for name in ["stock_code", "name", "expected_nodes", "acceptable_nodes", "wrong_if", "is_biomedicine"] where column[name] == nil {
            throw SourceFileError(file: file, row: 1, field: name, reason: "required column is missing from the header")
        }
        return try lines.dropFirst().enumerated().map { (offset, fields) throws(SourceFileError) in
            func field(_ name: String) -> String { column[name].flatMap { $0 < fields.count ? fields[$0] : nil } ?? "" }
            func nodes(_ name: String) -> Set<String> { Set(field(name).split(separator: ";").map { String($0) }) }
            guard ["0", "1"].contains(field("is_biomedicine")) else {
                throw SourceFileError(file: file, row: offset + 2, field: "is_biomedicine", value: field("is_biomedicine"), reason: "must be 0 or 1")
            }
            return Label(id: field("stock_code"), name: field("name"), expected: nodes("expected_nodes"),
                         acceptable: nodes("acceptable_nodes"), wrongIf: nodes("wrong_if"), isBiomedicine: field("is_biomedicine") == "1")
        }
    }

    public init(labels: [Label], assignments: [ChainAssignment], taxonomy: ChainTaxonomy) {
        self.labels = labels
        var placed: [String: Set<String>] = [:]
        for assignment in assignments { placed[assignment.enterpriseId, default: []].insert(assignment.nodeId) }
        func withAncestors(_ nodes: Set<String>) -> Set<String> {
            var all = nodes
            for node in nodes { var parent = taxonomy.node(node)?.parentId; while let p = parent { all.insert(p); parent = taxonomy.node(p)?.parentId } }
            return all
        }
        var noWrong = 0, specific = 0, biomedicine = 0
        var nonBiomedicine: [String] = [], clearly: [(String, String)] = [], wrongFirms: [(String, [String])] = [], missed: [String] = []
        var scores: [String: NodeScore] = [:]
        for label in labels {
            let got = placed[label.id] ?? []
            let allowed = label.isBiomedicine ? withAncestors(label.expected.union(label.acceptable)) : []
            let wrong = got.subtracting(allowed)
            if wrong.isEmpty { noWrong += 1 } else { wrongFirms.append((label.name, wrong.sorted())) }
            if !label.isBiomedicine && !got.isEmpty { nonBiomedicine.append(label.name) }
            for node in got.intersection(label.wrongIf).sorted() { clearly.append((label.name, node)) }
            guard label.isBiomedicine else { continue }
            biomedicine += 1
            if !got.isDisjoint(with: label.expected) { specific += 1 } else { missed.append(label.name) }
            for node in label.expected {
                scores[node, default: NodeScore(node: node)].expected += 1
                if got.contains(node) { scores[node]?.found += 1 }
            }
        }
        for label in labels {
            let allowed = label.isBiomedicine ? withAncestors(label.expected.union(label.acceptable)) : []
            for node in placed[label.id] ?? [] {
                scores[node, default: NodeScore(node: node)].placed += 1
                if allowed.contains(node) { scores[node]?.placedRight += 1 }
            }
        }
        noWrongShare = labels.isEmpty ? 0 : Double(noWrong) / Double(labels.count)
        specificShare = biomedicine == 0 ? 0 : Double(specific) / Double(biomedicine)
        nonBiomedicinePlaced = nonBiomedicine
        clearlyWrong = clearly
        self.wrongFirms = wrongFirms
        missedFirms = missed
        let order = Dictionary(taxonomy.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        nodes = scores.values.sorted { (order[$0.node] ?? .max) < (order[$1.node] ?? .max) }
    }
}
