import GRDB
import BrainModel

/// The search order everywhere: biomedicine firms first, then by employees (unknown last), then by id.
enum SearchOrder {
    static func precedes(_ a: Enterprise, _ b: Enterprise) -> Bool {
        if a.isBiomedicine != b.isBiomedicine { return a.isBiomedicine }
        switch (a.employees, b.employees) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.id < b.id
        }
    }
}

extension SQLiteStore {
    /// Two-character search: an exact name match first, then the bigram index in rank order, so a page is an index
    /// range even when tens of thousands of names share the two characters.
    static func searchByBigram(_ db: Database, _ query: String, limit: Int, offset: Int) throws -> Page<EnterpriseSummary> {
        let gram = query.lowercased()
        let exact = try String.fetchAll(db, sql: "SELECT id FROM enterprises WHERE name = ? ORDER BY id", arguments: [query])
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM name_bigrams WHERE gram = ?", arguments: [gram]) ?? 0
        var ids = Array(exact.dropFirst(offset).prefix(limit))
        if ids.count < limit {
            let skip = max(0, offset - exact.count)
            let placeholders = exact.isEmpty ? "" : " AND enterprise_id NOT IN (" + Array(repeating: "?", count: exact.count).joined(separator: ",") + ")"
            ids += try String.fetchAll(db, sql: """
                SELECT enterprise_id FROM name_bigrams WHERE gram = ?\(placeholders) ORDER BY rank LIMIT ? OFFSET ?
                """, arguments: StatementArguments([gram] + exact) + [limit - ids.count, skip])
        }
        guard !ids.isEmpty else { return Page(items: [], total: total, limit: limit, offset: offset) }
        let found = try summaries(db, sql: "SELECT e.* FROM enterprises e WHERE e.id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))",
                                  arguments: StatementArguments(ids))
        let byId = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return Page(items: ids.compactMap { byId[$0] }, total: total, limit: limit, offset: offset)
    }
}
