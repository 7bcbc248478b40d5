import BrainModel

/// A chain placement's evidence in both languages, for pages that carry both and let the language switch show one.
/// Plain-text evidence (an old database's sentence, an analyst's or an import's words) has none: pages show it as data.
struct EvidenceText: Encodable, Sendable {
    var zh: String
    var en: String

    init(_ reasons: [Reason]) {
        zh = ChainEvidence.render(reasons, in: .zh)
        en = ChainEvidence.render(reasons, in: .en)
    }

    init?(stored: String) {
        guard let reasons = ChainEvidence.reasons(stored) else { return nil }
        self.init(reasons)
    }
}
