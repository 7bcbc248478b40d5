import GRDB
import BrainModel

extension SQLiteStore {
    /// Two-character search through the ranked bigram index.
    static func searchByBigram(_ db: Database, _ query: SearchQuery, limit: Int, offset: Int) throws -> Page<EnterpriseSummary> {
        try rankedSearch(db, query.text, limit: limit, offset: offset,
                                totalSQL: "SELECT COUNT(*) FROM name_bigrams WHERE gram = ?",
                                idsSQL: "SELECT enterprise_id FROM name_bigrams WHERE gram = ? {exclude} ORDER BY rank LIMIT ? OFFSET ?",
                                excludeColumn: "enterprise_id", argument: query.bigram)
    }

    /// Three or more characters through FTS5 trigram; enterprises are stored in search order, so rowid order is rank.
    static func searchByTrigram(_ db: Database, _ query: SearchQuery, limit: Int, offset: Int) throws -> Page<EnterpriseSummary> {
        let phrase = "\"" + query.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return try rankedSearch(db, query.text, limit: limit, offset: offset,
                                totalSQL: "SELECT COUNT(*) FROM enterprise_fts WHERE enterprise_fts MATCH ?",
                                idsSQL: """
                                    SELECT e.id FROM enterprise_fts f JOIN enterprises e ON e.rowid = f.rowid
                                    WHERE enterprise_fts MATCH ? {exclude} ORDER BY f.rowid LIMIT ? OFFSET ?
                                    """,
                                excludeColumn: "e.id", argument: phrase)
    }

    /// An exact name match first, then the index's own order, so a page is an index range even when tens of
    /// thousands of names match.
    static func rankedSearch(_ db: Database, _ query: String, limit: Int, offset: Int, totalSQL: String, idsSQL: String,
                             excludeColumn: String, argument: String) throws -> Page<EnterpriseSummary> {
        let exact = try String.fetchAll(db, sql: "SELECT id FROM enterprises WHERE name = ? ORDER BY rowid", arguments: [query])
        let total = try Int.fetchOne(db, sql: totalSQL, arguments: [argument]) ?? 0
        let page = ExactFirstPage(exact: exact, limit: limit, offset: offset)
        var ids = page.exactOnPage
        if page.indexLimit > 0 {
            ids += try String.fetchAll(db, sql: idsSQL.replacingOccurrences(of: "{exclude}", with: page.excludeSQL(excludeColumn)),
                                       arguments: StatementArguments([argument] + exact) + [page.indexLimit, page.indexOffset])
        }
        guard !ids.isEmpty else { return Page(items: [], total: total, limit: limit, offset: offset) }
        let found = try summaries(db, sql: "SELECT e.* FROM enterprises e WHERE e.id IN (\(StoreSQL.marks(ids.count)))",
                                  arguments: StatementArguments(ids))
        return Page(items: ExactFirstPage.ordered(found, as: ids), total: total, limit: limit, offset: offset)
    }
}
