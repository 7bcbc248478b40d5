import BrainModel

/// How one engine answers one search: the count, the index's page of ids (`{exclude}` takes the exact matches out, `{hidden}` the firms the viewer may not see),
/// and how the exact matches are named in that exclusion (ids on SQLite, `search_rank` on PostgreSQL).
private struct SearchPlan {
    let totalSQL: String
    let idsSQL: String
    let excludeColumn: String
    let arguments: [SQLValue]
    let exactSQL: String
    let exactKey: @Sendable (any ColumnReader) throws -> SQLValue
    /// How many of the index's matches are firms the viewer may not see (`{layers}`: their layers), taken off the total.
    let hiddenTotalSQL: String
    /// What `excludeColumn` holds of a firm (`id` or `search_rank`), for leaving hidden firms out of the page.
    let hiddenKey: String

    init(_ query: SearchQuery, _ dialect: SQLDialect) {
        switch dialect {
        case .sqlite:
            // Enterprises are stored in search order (SearchOrder), so rowid order is rank.
            exactSQL = "SELECT id FROM enterprises WHERE name = ? {hidden} ORDER BY rowid"
            exactKey = { .text(try $0.text("id")) }
            hiddenKey = "id"
            switch query.method {
            case .trigram:
                let phrase = "\"" + query.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                totalSQL = "SELECT COUNT(*) AS n FROM enterprise_fts WHERE enterprise_fts MATCH ?"
                idsSQL = """
                    SELECT e.id FROM enterprise_fts f JOIN enterprises e ON e.rowid = f.rowid
                    WHERE enterprise_fts MATCH ? {exclude} {hidden} ORDER BY f.rowid LIMIT ? OFFSET ?
                    """
                (excludeColumn, arguments) = ("e.id", [.text(phrase)])
                hiddenTotalSQL = """
                    SELECT COUNT(*) AS n FROM enterprise_fts f JOIN enterprises e ON e.rowid = f.rowid
                    WHERE enterprise_fts MATCH ? AND e.layer IN ({layers})
                    """
            case .bigram:
                totalSQL = "SELECT COUNT(*) AS n FROM name_bigrams WHERE gram = ?"
                idsSQL = "SELECT enterprise_id AS id FROM name_bigrams WHERE gram = ? {exclude} {hidden} ORDER BY rank LIMIT ? OFFSET ?"
                (excludeColumn, arguments) = ("enterprise_id", [.text(query.bigram)])
                hiddenTotalSQL = "SELECT COUNT(*) AS n FROM name_bigrams WHERE gram = ? AND enterprise_id IN (SELECT id FROM enterprises WHERE layer IN ({layers}))"
            case .scan:
                let match = "(e.name LIKE ? ESCAPE '\\' OR e.full_name LIKE ? ESCAPE '\\')"
                totalSQL = "SELECT COUNT(*) AS n FROM enterprises e WHERE \(match)"
                idsSQL = "SELECT e.id FROM enterprises e WHERE \(match) {exclude} {hidden} ORDER BY e.rowid LIMIT ? OFFSET ?"
                (excludeColumn, arguments) = ("e.id", [.text(query.likePattern), .text(query.likePattern)])
                hiddenTotalSQL = "SELECT COUNT(*) AS n FROM enterprises e WHERE \(match) AND e.layer IN ({layers})"
            }
        case .postgres:
            exactSQL = "SELECT id, search_rank FROM enterprises WHERE name = ? {hidden} ORDER BY search_rank"
            exactKey = { .int(try $0.int("search_rank")) }
            hiddenKey = "search_rank"
            switch query.method {
            case .bigram:
                totalSQL = "SELECT n FROM name_gram_counts WHERE gram = ?"
                idsSQL = "SELECT enterprise_id AS id FROM name_bigrams WHERE gram = ? {exclude} {hidden} ORDER BY rank LIMIT ? OFFSET ?"
                (excludeColumn, arguments) = ("rank", [.text(query.bigram)])
                hiddenTotalSQL = "SELECT COUNT(*) AS n FROM name_bigrams WHERE gram = ? AND rank IN (SELECT search_rank FROM enterprises WHERE layer IN ({layers}))"
            case .trigram where query.text.count == 3:
                totalSQL = "SELECT n FROM name_gram_counts WHERE gram = ?"
                // The page of ranks first, then their ids: joined before the limit, PostgreSQL hash-joins every
                // match (30 ms for a trigram in 57,000 names).
                idsSQL = """
                    SELECT e.id FROM (SELECT rank FROM name_trigrams WHERE gram = ? {exclude} {hidden} ORDER BY rank LIMIT ? OFFSET ?) t
                    JOIN enterprises e ON e.search_rank = t.rank ORDER BY t.rank
                    """
                (excludeColumn, arguments) = ("rank", [.text(query.text.lowercased())])
                hiddenTotalSQL = "SELECT COUNT(*) AS n FROM name_trigrams WHERE gram = ? AND rank IN (SELECT search_rank FROM enterprises WHERE layer IN ({layers}))"
            case .trigram, .scan:
                // pg_trgm's GIN indexes answer ≥ 4 characters; one character scans, as on SQLite.
                let match = "(e.name ILIKE ? ESCAPE '\\' OR e.full_name ILIKE ? ESCAPE '\\')"
                totalSQL = "SELECT COUNT(*) AS n FROM enterprises e WHERE \(match)"
                idsSQL = "SELECT e.id FROM enterprises e WHERE \(match) {exclude} {hidden} ORDER BY e.search_rank LIMIT ? OFFSET ?"
                (excludeColumn, arguments) = ("e.search_rank", [.text(query.likePattern), .text(query.likePattern)])
                hiddenTotalSQL = "SELECT COUNT(*) AS n FROM enterprises e WHERE \(match) AND e.layer IN ({layers})"
            }
        }
    }
}

/// What a search's steps fold in: the exact matches, the total, the page's ids, then their summaries.
private struct SearchState: Sendable {
    /// Every import's layer and owner, read first when the viewer is not the operator.
    var imports: [ImportLayer] = []
    var exact: [(id: String, key: SQLValue)] = []
    var total = 0
    /// The index's part of the page (the exact matches on it come first).
    var ids: [String] = []
    var batch = SummaryBatch()
}

extension SQLStore {
    /// An exact name match first, then the index's own order (SearchOrder), so a page is an index range even when
    /// tens of thousands of names match; the same answers on both engines. Its statements run in one driver read.
    /// Firms `viewer` may not see (another organisation's private import) are left out of the page and the total.
    public func searchEnterprises(_ query: String, limit: Int, offset: Int, visibleTo viewer: FirmViewer) async throws -> Page<EnterpriseSummary> {
        guard let query = SearchQuery(query) else { return Page(items: [], total: 0, limit: limit, offset: offset) }
        let plan = SearchPlan(query, driver.dialect)
        let exactKey = plan.exactKey
        let pageOf: @Sendable (SearchState) -> ExactFirstPage = { ExactFirstPage(exact: $0.exact.map(\.id), limit: limit, offset: offset) }
        let hidden: @Sendable (SearchState) -> [String] = { HiddenImports($0.imports, for: viewer).sortedLayers }
        let steps: [ReadStep<SearchState>] = HiddenImportSteps.read(viewer, \SearchState.imports) + [
            ReadStep(after: { state in
                let layers = hidden(state)
                let filter = layers.isEmpty ? "" : "AND layer NOT IN (\(StoreSQL.marks(layers.count)))"
                return (plan.exactSQL.replacingOccurrences(of: "{hidden}", with: filter), [.text(query.text)] + layers.textArguments)
            }) { state, row in state.exact.append((try row.text("id"), try exactKey(row))) },
            ReadStep(plan.totalSQL, plan.arguments) { state, row in state.total += try row.int("n") },
            // The index counts every firm; the viewer's hidden matches are few (a layer's firms), counted and taken off.
            ReadStep(after: { state in
                let layers = hidden(state)
                guard !layers.isEmpty else { return nil }
                return (plan.hiddenTotalSQL.replacingOccurrences(of: "{layers}", with: StoreSQL.marks(layers.count)), plan.arguments + layers.textArguments)
            }) { state, row in state.total -= try row.int("n") },
            ReadStep(after: { state in
                let page = pageOf(state)
                guard page.indexLimit > 0 else { return nil }
                let layers = hidden(state)
                let filter = layers.isEmpty ? ""
                    : "AND \(plan.excludeColumn) NOT IN (SELECT \(plan.hiddenKey) FROM enterprises WHERE layer IN (\(StoreSQL.marks(layers.count))))"
                let sql = plan.idsSQL.replacingOccurrences(of: "{exclude}", with: page.excludeSQL(plan.excludeColumn))
                    .replacingOccurrences(of: "{hidden}", with: filter)
                return (sql, plan.arguments + state.exact.map(\.key) + layers.textArguments + [.int(page.indexLimit), .int(page.indexOffset)])
            }) { state, row in state.ids.append(try row.text("id")) },
        ] + SummaryBatch.steps(\SearchState.batch) { state in
            let ids = pageOf(state).exactOnPage + state.ids
            return ids.isEmpty ? nil : ("SELECT e.* FROM enterprises e WHERE e.id IN (\(StoreSQL.marks(ids.count)))", ids.textArguments)
        }
        let state = try await driver.readSteps(SearchState(), steps)
        let ids = pageOf(state).exactOnPage + state.ids
        return Page(items: ExactFirstPage.ordered(state.batch.summaries, as: ids), total: max(0, state.total), limit: limit, offset: offset)
    }
}
