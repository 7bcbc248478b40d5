/// The wording of every reason, one part per area so each area's reasons live beside each other
/// (`ReasonCatalogue+Chain.swift`, `ReasonCatalogue+Recommend.swift`, `ReasonCatalogue+Import.swift`, `ReasonCatalogue+API.swift`,
/// `ReasonCatalogue+Landing.swift`).
public enum ReasonCatalogue {
    static let parts: [[String: ReasonTemplate]] = [chain, recommend, imports, api, landing, swot, audit, leads, match, sources, watch, evidence, scope, publish, names, errors, review, reading, address]
}
