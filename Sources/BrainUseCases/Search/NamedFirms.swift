import BrainModel
import BrainStore

/// Firms a search box's words name through the store's names table: what the words resolve to exactly (三九医药 →
/// 华润三九 by its former short name; full-width brackets or spaces fold), and firms with an English, former or derived
/// name containing them (Jiangsu Hengrui → 恒瑞医药). Each with the name that matched.
enum NamedFirms {
    struct Found: Sendable {
        var firm: EnterpriseSummary
        var matched: EnterpriseName
        /// Named exactly (resolved or one of an ambiguous name's firms), not by a part of another name.
        var exact: Bool
    }

    /// Names an import `viewer` may not see brought are not matched (a private import's name for a listed firm would
    /// tell its words to everyone), nor are firms of such imports.
    static func find(_ query: String, store: any Store, limit: Int, viewer: FirmViewer) async throws -> [Found] {
        let hidden = try await store.hiddenImports(from: viewer)
        let resolution = try await store.resolveName(query)
        var matched = resolution.matches.filter { !hidden.hides(source: $0.source) }
        let exact = Set(matched.map(\.enterpriseId))
        var seen = exact
        // One name per firm, the best (current before former); the store orders by firm.
        var best: [String: EnterpriseName] = [:]
        for name in try await store.aliasNames(containing: query, limit: limit * 4)
        where !seen.contains(name.enterpriseId) && !hidden.hides(source: name.source) {
            if let current = best[name.enterpriseId], NameResolution.rank(current) <= NameResolution.rank(name) { continue }
            best[name.enterpriseId] = name
        }
        for name in best.values.sorted(by: { (NameResolution.rank($0), $0.enterpriseId) < (NameResolution.rank($1), $1.enterpriseId) })
        where seen.insert(name.enterpriseId).inserted {
            matched.append(name)
        }
        matched = Array(matched.prefix(limit))
        let summaries = try await store.enterpriseSummaries(ids: matched.map(\.enterpriseId), visibleTo: viewer)
        let byId = Dictionary(summaries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return matched.compactMap { name in byId[name.enterpriseId].map { Found(firm: $0, matched: name, exact: exact.contains(name.enterpriseId)) } }
    }
}
