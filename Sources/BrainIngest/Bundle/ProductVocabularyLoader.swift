import Foundation
import BrainModel

/// Reads `chain-kg/product-vocabulary.json`, the vetted product vocabulary that decides which product links join firms.
/// Optional: a data folder without it (a synthetic one) links products by the chain file's keywords alone.
enum ProductVocabularyLoader {
    static let file = "chain-kg/product-vocabulary.json"

    static func load(folder: URL, taxonomy: ChainTaxonomy) throws(SourceFileError) -> ProductVocabulary? {
        let url = folder.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let vocabulary: ProductVocabulary
        do { vocabulary = try JSONDecoder().decode(ProductVocabulary.self, from: try Data(contentsOf: url)) } catch {
            throw SourceFileError(file: file, reason: "not a valid product vocabulary: \(BundleLoader.describe(error))")
        }
        let nodes = Set(taxonomy.nodes.map(\.id))
        for node in vocabulary.nodeTerms.keys where !nodes.contains(node) {
            throw SourceFileError(file: file, field: "node_terms", value: node, reason: "no chain node has this id")
        }
        for (node, targets) in vocabulary.feeds {
            for id in [node] + targets where !nodes.contains(id) {
                throw SourceFileError(file: file, field: "feeds", value: id, reason: "no chain node has this id")
            }
        }
        for node in vocabulary.finishedFormOverrides where !nodes.contains(node) {
            throw SourceFileError(file: file, field: "finished_form_overrides", value: node, reason: "no chain node has this id")
        }
        for step in vocabulary.withinTierSteps {
            guard step.count == 2, let from = taxonomy.node(step[0]), let to = taxonomy.node(step[1]) else {
                throw SourceFileError(file: file, field: "within_tier_steps", value: step.joined(separator: " → "),
                                      reason: "a step names two chain node ids")
            }
            guard from.tier == to.tier else {
                throw SourceFileError(file: file, field: "within_tier_steps", value: step.joined(separator: " → "),
                                      reason: "the two nodes lie in different tiers (tiers already order them)")
            }
        }
        guard vocabulary.maxMakers > 0 else {
            throw SourceFileError(file: file, field: "max_makers", value: String(vocabulary.maxMakers), reason: "must be positive")
        }
        let blank = vocabulary.genericNames + vocabulary.genericWords + vocabulary.nonBiomedicineWords + vocabulary.biomedicineWords
            + vocabulary.ambiguousKeywords + vocabulary.nodeTerms.values.flatMap { $0 }
        if blank.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw SourceFileError(file: file, reason: "an empty word would match every product")
        }
        return vocabulary
    }
}
