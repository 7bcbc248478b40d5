import PostgresNIO

extension PostgresStore {
    /// The same answers as SQLite's search: an exact name first, then matches in SearchOrder (`search_rank`).
    public func searchEnterprises(_ query: String, limit: Int, offset: Int) async throws -> Page<EnterpriseSummary> {
        guard let query = SearchQuery(query) else { return Page(items: [], total: 0, limit: limit, offset: offset) }
        return try await withConnection { c in
            let totalSQL: String, idsSQL: String, excludeColumn: String, arguments: [SQLArgument]
            switch query.method {
            case .bigram:
                totalSQL = "SELECT n FROM name_gram_counts WHERE gram = ?"
                idsSQL = "SELECT enterprise_id AS id FROM name_bigrams WHERE gram = ? {exclude} ORDER BY rank LIMIT ? OFFSET ?"
                excludeColumn = "rank"
                arguments = [.text(query.bigram)]
            case .trigram where query.text.count == 3:
                totalSQL = "SELECT n FROM name_gram_counts WHERE gram = ?"
                // The page of ranks first, then their ids: joined before the limit, PostgreSQL hash-joins every
                // match (30 ms for a trigram in 57,000 names).
                idsSQL = """
                    SELECT e.id FROM (SELECT rank FROM name_trigrams WHERE gram = ? {exclude} ORDER BY rank LIMIT ? OFFSET ?) t
                    JOIN enterprises e ON e.search_rank = t.rank ORDER BY t.rank
                    """
                excludeColumn = "rank"
                arguments = [.text(query.text.lowercased())]
            case .trigram, .scan:
                // pg_trgm's GIN indexes answer ≥ 4 characters; one character scans, as on SQLite.
                let match = "(e.name ILIKE ? ESCAPE '\\' OR e.full_name ILIKE ? ESCAPE '\\')"
                totalSQL = "SELECT COUNT(*) AS n FROM enterprises e WHERE \(match)"
                idsSQL = "SELECT e.id FROM enterprises e WHERE \(match) {exclude} ORDER BY e.search_rank LIMIT ? OFFSET ?"
                excludeColumn = "e.search_rank"
                arguments = [.text(query.likePattern), .text(query.likePattern)]
            }
            let exactRows = try await PostgresSQL.rows(c, "SELECT id, search_rank FROM enterprises WHERE name = ? ORDER BY search_rank",
                                                       [.text(query.text)])
            let exact = try exactRows.map { try $0.text("id") }, exactRanks = try exactRows.map { SQLArgument.int(try $0.int("search_rank")) }
            let total = try await Self.count(c, totalSQL, arguments)
            let page = ExactFirstPage(exact: exact, limit: limit, offset: offset)
            var ids = page.exactOnPage
            if page.indexLimit > 0 {
                ids += try await PostgresSQL.rows(c, idsSQL.replacingOccurrences(of: "{exclude}", with: page.excludeSQL(excludeColumn)),
                                                  arguments + exactRanks + [.int(page.indexLimit), .int(page.indexOffset)])
                    .map { try $0.text("id") }
            }
            guard !ids.isEmpty else { return Page(items: [], total: total, limit: limit, offset: offset) }
            let found = try await Self.summaries(c, "SELECT e.* FROM enterprises e WHERE e.id IN (\(StoreSQL.marks(ids.count)))",
                                                 ids.textArguments)
            return Page(items: ExactFirstPage.ordered(found, as: ids), total: total, limit: limit, offset: offset)
        }
    }
}
